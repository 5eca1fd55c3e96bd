package org.consilium.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.consilium.dicom.Implementation;
import org.consilium.dicom.data.Attributes;
import org.consilium.dicom.dict.Tag;
import org.consilium.dicom.dict.UID;
import org.consilium.dicom.dict.VR;
import org.consilium.dicom.io.DicomWriter;
import org.consilium.localstack.ConsiliumTestResource;
import org.consilium.localstack.ServerProcess;
import org.consilium.localstack.Stack;
import org.consilium.localstack.Tokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A study of more than 1 GB (four multi-frame CT instances of 256 MiB of pixels each) into the packaged
 * server running with {@code -Xmx256m}: three by dcmtk storescu, one by a single STOW-RS request. An
 * instance is as large as the whole heap, so this passes only if ingest streams. Every instance must be
 * stored byte for byte. Runs after {@code package} (failsafe), against the test run's PostgreSQL and
 * Keycloak.
 */
class LargeStudyLowMemoryIT {

    private static final int FRAMES = 512; // 512 x 512 x 2 bytes x 512 frames = 256 MiB of pixel data
    private static final long PIXEL_BYTES = 512L * 512 * 2 * FRAMES;
    private static final String ROOT = Implementation.ROOT_UID + ".98." + System.currentTimeMillis();

    private static Stack stack;
    private static ServerProcess server;
    private static Path work;
    private static Path serverLog;
    private static int httpPort;
    private static int dimsePort;

    @BeforeAll
    static void startServerWithASmallHeap() throws Exception {
        stack = ConsiliumTestResource.stack();
        work = Files.createDirectories(Path.of("target", "large-study"));
        serverLog = work.resolve("server.log");
        httpPort = freePort();
        dimsePort = freePort();
        server = ServerProcess.start(stack, httpPort, "256m", Map.of(
                "CONSILIUM_DATA_DIR", Files.createDirectories(work.resolve("data")).toAbsolutePath().toString(),
                "CONSILIUM_DIMSE_PORT", Integer.toString(dimsePort)), serverLog).awaitReady();
    }

    @AfterAll
    static void stopServer() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aStudyOfMoreThanOneGigabyteIsStoredWholeByAServerWithA256MegabyteHeap() throws Exception {
        List<Path> files = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            files.add(writeInstance(i));
        }
        assertTrue(files.stream().mapToLong(LargeStudyLowMemoryIT::size).sum() > 1L << 30, "the study is over 1 GiB");

        Dcmtk.Result stored = Dcmtk.run("storescu", "-aet", "CHANGXING_PACS", "-aec", "CONSILIUM", "localhost",
                Integer.toString(dimsePort), files.get(0).toString(), files.get(1).toString(), files.get(2).toString());
        assertEquals(0, stored.exitCode(), stored.output());
        HttpResponse<String> stow = stow(files.get(3));
        assertEquals(200, stow.statusCode(), stow.body());

        for (int i = 1; i <= 4; i++) {
            Path blob = blobOf(ROOT + ".3." + i);
            // C-STORE delivers the data set alone; our File Meta differs, the data set must not
            assertEquals(sha256(files.get(i - 1), datasetStart(files.get(i - 1))), sha256(blob, datasetStart(blob)),
                    "instance " + i + " is stored byte for byte");
        }
        assertTrue(server.process().isAlive(), "the server is still running");
        assertFalse(Files.readString(serverLog).contains("OutOfMemoryError"), "no OutOfMemoryError in the server log");
        for (Path f : files) {
            Files.delete(f);
        }
    }

    /** A multi-frame CT written header first, then its pixel data streamed: nothing of its size in memory. */
    private static Path writeInstance(int n) throws Exception {
        Attributes ds = new Attributes(32);
        ds.setString(Tag.SpecificCharacterSet, VR.CS, "ISO_IR 192");
        ds.setString(Tag.SOPClassUID, VR.UI, UID.CTImageStorage);
        ds.setString(Tag.SOPInstanceUID, VR.UI, ROOT + ".3." + n);
        ds.setString(Tag.StudyDate, VR.DA, "20261122");
        ds.setString(Tag.Modality, VR.CS, "CT");
        ds.setString(Tag.PatientName, VR.PN, "LARGE^STUDY");
        ds.setString(Tag.PatientID, VR.LO, "LARGE-1");
        ds.setString(Tag.StudyInstanceUID, VR.UI, ROOT + ".1");
        ds.setString(Tag.SeriesInstanceUID, VR.UI, ROOT + ".2");
        ds.setInt(Tag.SeriesNumber, VR.IS, 1);
        ds.setInt(Tag.InstanceNumber, VR.IS, n);
        ds.setInt(Tag.NumberOfFrames, VR.IS, FRAMES);
        ds.setInt(Tag.SamplesPerPixel, VR.US, 1);
        ds.setString(Tag.PhotometricInterpretation, VR.CS, "MONOCHROME2");
        ds.setInt(Tag.Rows, VR.US, 512);
        ds.setInt(Tag.Columns, VR.US, 512);
        ds.setInt(Tag.BitsAllocated, VR.US, 16);
        ds.setInt(Tag.BitsStored, VR.US, 16);
        ds.setInt(Tag.HighBit, VR.US, 15);
        ds.setInt(Tag.PixelRepresentation, VR.US, 1);
        Path file = work.resolve("large-" + n + ".dcm");
        try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
            new DicomWriter().writeFile(out, null, ds, UID.ExplicitVRLittleEndian);
            // (7FE0,0010) OW, explicit VR little endian: tag, VR, 2 reserved bytes, 4-byte length
            ByteBuffer header = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
            header.putShort((short) 0x7FE0).putShort((short) 0x0010).put((byte) 'O').put((byte) 'W')
                    .putShort((short) 0).putInt((int) PIXEL_BYTES);
            out.write(header.array());
            byte[] frame = new byte[512 * 512 * 2];
            for (int f = 0; f < FRAMES; f++) {
                ByteBuffer.wrap(frame).order(ByteOrder.LITTLE_ENDIAN).putShort(0, (short) (f * n)).putInt(4096, f);
                out.write(frame);
            }
        }
        return file;
    }

    private static HttpResponse<String> stow(Path file) throws Exception {
        String boundary = "large-study-" + System.nanoTime();
        byte[] head = ("--" + boundary + "\r\nContent-Type: application/dicom\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII);
        HttpRequest rq = HttpRequest.newBuilder(URI.create("http://localhost:" + httpPort + "/dicomweb/studies"))
                .header("Authorization", "Bearer " + Tokens.of("cx.rt"))
                .header("Content-Type", "multipart/related; type=\"application/dicom\"; boundary=" + boundary)
                .timeout(Duration.ofMinutes(5))
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> body(head, file, tail)))
                .build();
        // HTTP/1.1 as STOW clients (curl, dcm4che, OHIF) send it; the JDK's default would try an h2c upgrade
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .send(rq, HttpResponse.BodyHandlers.ofString());
    }

    private static InputStream body(byte[] head, Path file, byte[] tail) {
        try {
            return new SequenceInputStream(Collections.enumeration(List.of(new ByteArrayInputStream(head),
                    Files.newInputStream(file), new ByteArrayInputStream(tail))));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Path blobOf(String sopInstanceUid) throws Exception {
        try (Connection c = stack.postgres().superuserConnection(); PreparedStatement ps = c.prepareStatement(
                "select blob_key from instance_record where sop_instance_uid = ?")) {
            ps.setString(1, sopInstanceUid);
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next(), sopInstanceUid + " is indexed");
                String key = rs.getString(1);
                return work.resolve("data/blobs").resolve(key.substring(0, 2)).resolve(key.substring(2, 4)).resolve(key);
            }
        }
    }

    /** Where the data set starts: after the preamble, DICM and the File Meta group (PS3.10 7.1). */
    private static long datasetStart(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(144); // preamble, DICM, (0002,0000) UL with its 4-byte value
            return 144 + ByteBuffer.wrap(head, 140, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
        }
    }

    private static String sha256(Path file, long from) throws Exception {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        try (InputStream in = Files.newInputStream(file)) {
            in.skipNBytes(from);
            byte[] buf = new byte[1 << 20];
            for (int n; (n = in.read(buf)) > 0; ) {
                md.update(buf, 0, n);
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
