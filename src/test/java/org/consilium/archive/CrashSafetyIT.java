package org.consilium.archive;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.consilium.archive.web.DicomWebTest;
import org.consilium.bench.SyntheticCtStudy;
import org.consilium.dicom.dict.Tag;
import org.consilium.localstack.ConsiliumTestResource;
import org.consilium.localstack.LocalS3;
import org.consilium.localstack.ServerProcess;
import org.consilium.localstack.Stack;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 during a storescu batch, five times, on each blob store: the local file store and an S3 store
 * (S3Proxy). After each restart: every instance storescu heard "Success" for is indexed, retrievable over
 * C-GET and byte-identical to what was sent; every indexed instance is served whole (its blob, file or
 * object, hashes to its key); no staging file survives.
 */
class CrashSafetyIT {

    private static final int ROUNDS = 5;
    private static final int PER_ROUND = 80;
    private static final String SUCCESS = "I: Received Store Response (Success)";
    private static final String SENDING = "I: Sending file: ";

    private static final String BUCKET = "crash-safety";

    @ParameterizedTest(name = "{0} store")
    @ValueSource(strings = {"file", "s3"})
    void killDashNineDuringStorescuLosesNothingItAcknowledged(String store, @TempDir Path work) throws Exception {
        Stack stack = ConsiliumTestResource.stack();
        int dimsePort = Orthanc.freePort();
        Map<String, String> settings = new HashMap<>(Map.of("CONSILIUM_DIMSE_PORT", Integer.toString(dimsePort),
                "CONSILIUM_DATA_DIR", work.resolve("data").toString()));
        if (store.equals("s3")) {
            settings.putAll(Map.of("CONSILIUM_BLOB_STORE", "s3", "CONSILIUM_S3_ENDPOINT", LocalS3.shared().endpoint().toString(),
                    "CONSILIUM_S3_BUCKET", BUCKET, "CONSILIUM_S3_ACCESS_KEY", LocalS3.ACCESS_KEY,
                    "CONSILIUM_S3_SECRET_KEY", LocalS3.SECRET_KEY, "CONSILIUM_ARCHIVE_BLOB_STORE_S3_CREATE_BUCKET", "true"));
        }
        Path log = work.resolve("server.log");
        Random random = new Random(20261122);
        Map<Integer, Set<Path>> acknowledged = new HashMap<>();
        Map<Integer, Path> roundDirs = new HashMap<>();

        for (int round = 0; round <= ROUNDS; round++) {
            ServerProcess server = ServerProcess.start(stack, Orthanc.freePort(), "512m", settings, log).awaitReady();
            if (round > 0) {
                verify(stack, store, work, dimsePort, roundDirs.get(round - 1), acknowledged.get(round - 1));
            }
            if (round == ROUNDS) {
                server.close();
                break;
            }
            Path dir = work.resolve("round-" + round);
            SyntheticCtStudy.main(new String[] {dir.toString(), Integer.toString(PER_ROUND), (System.currentTimeMillis() % 1_000_000_000L) + "" + round});
            roundDirs.put(round, dir);
            int killAfter = 5 + random.nextInt(PER_ROUND - 25);
            acknowledged.put(round, storeAndKill(server, dir, dimsePort, killAfter));
            assertTrue(acknowledged.get(round).size() >= killAfter && acknowledged.get(round).size() < PER_ROUND,
                    "round " + round + ": killed mid-batch after " + acknowledged.get(round).size() + " acknowledgements");
        }
    }

    /** Runs storescu over the round's files and SIGKILLs the server after {@code killAfter} successes. */
    private static Set<Path> storeAndKill(ServerProcess server, Path dir, int dimsePort, int killAfter) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("/usr/bin/storescu", "-v", "-aet", "CHANGXING_PACS", "-aec",
                "CONSILIUM", "localhost", Integer.toString(dimsePort)));
        for (Path f : files(dir)) {
            cmd.add(f.toString());
        }
        Process storescu = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        Set<Path> acknowledged = new LinkedHashSet<>();
        List<String> transcript = new ArrayList<>();
        Path sending = null;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(storescu.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = out.readLine()) != null; ) {
                transcript.add(line);
                if (line.startsWith(SENDING)) {
                    sending = Path.of(line.substring(SENDING.length()).trim());
                } else if (line.startsWith(SUCCESS)) {
                    acknowledged.add(sending);
                    if (acknowledged.size() == killAfter) {
                        server.kill();
                    }
                }
            }
        }
        assertTrue(storescu.waitFor(2, TimeUnit.MINUTES), "storescu ends once its peer is gone");
        assertTrue(acknowledged.size() >= killAfter, "storescu said: "
                + String.join("\n", transcript.subList(Math.max(0, transcript.size() - 15), transcript.size())));
        return acknowledged;
    }

    private static void verify(Stack stack, String store, Path work, int dimsePort, Path dir, Set<Path> acknowledged)
            throws Exception {
        Map<String, Path> sentBySop = new HashMap<>();
        for (Path f : files(dir)) {
            sentBySop.put(DicomWebTest.header(f).getString(Tag.SOPInstanceUID), f);
        }
        String series = DicomWebTest.header(files(dir).get(0)).getString(Tag.SeriesInstanceUID);
        Map<String, String> indexed = indexedBlobs(stack, series);
        for (Path f : acknowledged) {
            String sop = DicomWebTest.header(f).getString(Tag.SOPInstanceUID);
            assertTrue(indexed.containsKey(sop), "acknowledged " + f.getFileName() + " is indexed after the crash");
        }
        boolean s3 = store.equals("s3");
        Path blobs = work.resolve("data").resolve(s3 ? "s3-scratch" : "blobs");
        for (Map.Entry<String, String> e : indexed.entrySet()) {
            String key = e.getValue();
            Path blob = s3 ? LocalS3.shared().objects().resolve(BUCKET).resolve(key)
                    : blobs.resolve(key.substring(0, 2)).resolve(key.substring(2, 4)).resolve(key);
            assertEquals(key, sha256(blob), "indexed blob of " + e.getKey() + " is whole");
        }
        try (Stream<Path> staging = Files.list(blobs.resolve("staging"))) {
            assertEquals(0, staging.count(), "no staging file survives a restart");
        }

        Path got = Files.createDirectories(work.resolve("got-" + dir.getFileName()));
        Dcmtk.Result get = Dcmtk.run("getscu", "-aet", "CHANGXING_PACS", "-aec", "CONSILIUM", "-od", got.toString(),
                "localhost", Integer.toString(dimsePort), "-k", "QueryRetrieveLevel=SERIES",
                "-k", "StudyInstanceUID=" + DicomWebTest.header(files(dir).get(0)).getString(Tag.StudyInstanceUID),
                "-k", "SeriesInstanceUID=" + series);
        assertEquals(0, get.exitCode(), get.output());
        List<Path> retrieved = files(got);
        assertEquals(indexed.size(), retrieved.size(), "every indexed instance is served");
        for (Path back : retrieved) {
            String sop = DicomWebTest.header(back).getString(Tag.SOPInstanceUID);
            Path sent = sentBySop.get(sop);
            assertNotNull(sent, "served only what was sent: " + sop);
            assertArrayEquals(datasetBytes(sent), datasetBytes(back), "byte-identical data set for " + sop);
        }
        assertFalse(indexed.isEmpty());
    }

    private static Map<String, String> indexedBlobs(Stack stack, String series) throws Exception {
        Map<String, String> out = new HashMap<>();
        try (Connection c = stack.postgres().superuserConnection();
             PreparedStatement ps = c.prepareStatement("select i.sop_instance_uid, i.blob_key from instance_record i"
                     + " join series_record s on s.id = i.series_fk where s.series_uid = ?")) {
            ps.setString(1, series);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getString(2));
                }
            }
        }
        return out;
    }

    /** The bytes after the File Meta Information group: what was sent over the wire. */
    private static byte[] datasetBytes(Path file) throws IOException {
        byte[] all = Files.readAllBytes(file);
        int groupLength = (all[140] & 0xff) | (all[141] & 0xff) << 8 | (all[142] & 0xff) << 16 | (all[143] & 0xff) << 24;
        int start = 144 + groupLength; // preamble, DICM, (0002,0000) UL element, then the rest of group 2
        return java.util.Arrays.copyOfRange(all, start, all.length);
    }

    private static String sha256(Path file) throws Exception {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        md.update(Files.readAllBytes(file));
        return HexFormat.of().formatHex(md.digest());
    }

    private static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isRegularFile).sorted().toList();
        }
    }
}
