package org.consilium.archive.dimse;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.consilium.archive.BlobStore;
import org.consilium.archive.Dcmtk;
import org.consilium.archive.Stow;
import org.consilium.archive.web.DicomWebTest;
import org.consilium.dicom.data.Attributes;
import org.consilium.dicom.data.Fragments;
import org.consilium.dicom.dict.Tag;
import org.consilium.dicom.dict.UID;
import org.consilium.dicom.io.DicomReader;
import org.consilium.dicom.net.association.Association;
import org.consilium.dicom.net.association.ConnectOptions;
import org.consilium.dicom.net.dimse.Part10File;
import org.consilium.dicom.net.dimse.Status;
import org.consilium.dicom.net.dimse.StoreScu;
import org.consilium.localstack.ConsiliumTestResource;
import org.consilium.localstack.Tokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** dcmtk clients against the archive: transfer syntaxes, parallel associations, Patient Root queries. */
@QuarkusTest
@WithTestResource(ConsiliumTestResource.class)
public class DimsePeersTest {

    private static final Path PYDICOM_FILES = Path.of("/usr/lib/python3/dist-packages/pydicom/data/test_files");

    @Inject
    DimseListener listener;
    @Inject
    BlobStore blobs;

    @Test
    void storescuTransferSyntaxesAreStoredAsReceived(@TempDir Path dir) throws Exception {
        Map<String, String> encodings = new LinkedHashMap<>();
        encodings.put("+ti", UID.ImplicitVRLittleEndian);
        encodings.put("+te", UID.ExplicitVRLittleEndian);
        encodings.put("+tb", UID.ExplicitVRBigEndian);
        encodings.put("+td", UID.DeflatedExplicitVRLittleEndian);
        List<Path> sources = Stow.dir("lung-phantom/CT").subList(20, 24);
        int i = 0;
        for (Map.Entry<String, String> encoding : encodings.entrySet()) {
            Path copy = withNewUids(sources.get(i++), dir, true);
            Path encoded = dir.resolve("encoded" + encoding.getKey() + ".dcm");
            assertEquals(0, Dcmtk.run("dcmconv", encoding.getKey(), copy.toString(), encoded.toString()).exitCode());
            String sop = header(encoded).getString(Tag.SOPInstanceUID);
            Dcmtk.Result r = store("-x" + encoding.getKey().charAt(2), encoded); // propose that syntax first
            assertEquals(0, r.exitCode(), r.output());
            assertEquals(encoding.getValue(), storedTransferSyntax(sop), encoding.getKey());
            Attributes back = new DicomReader().readFile(storedBlob(sop)).dataset();
            Attributes sent = new DicomReader().readFile(copy).dataset();
            assertEquals(sent.getString(Tag.SOPInstanceUID), back.getString(Tag.SOPInstanceUID));
            assertEquals(sent.getString(Tag.PatientName), back.getString(Tag.PatientName));
            assertEquals(sent.getInt(Tag.Rows, 0), back.getInt(Tag.Rows, -1));
            assertEquals(sent.getBytes(Tag.PixelData).length, back.getBytes(Tag.PixelData).length);
        }

        Path jpeg = withNewUids(PYDICOM_FILES.resolve("SC_rgb_jpeg_dcmtk.dcm"), dir, true);
        Dcmtk.Result r = store("-xy", jpeg); // propose JPEG baseline first
        assertEquals(0, r.exitCode(), r.output());
        String sop = header(jpeg).getString(Tag.SOPInstanceUID);
        assertEquals(UID.JPEGBaseline8Bit, storedTransferSyntax(sop), "JPEG baseline passes through untouched");
        Fragments sent = (Fragments) new DicomReader().readFile(jpeg).dataset().getValue(Tag.PixelData);
        Fragments back = (Fragments) new DicomReader().readFile(storedBlob(sop)).dataset().getValue(Tag.PixelData);
        assertTrue(sent.size() > 1, "the JPEG has fragments");
        assertEquals(sent, back, "every fragment byte-identical");
    }

    @Test
    void eightStorescuAssociationsInParallel(@TempDir Path dir) throws Exception {
        List<Path> sources = Stow.dir("lung-phantom/CT").subList(0, 48);
        String study = newUid(dir);
        String series = newUid(dir);
        List<Path> copies = new ArrayList<>();
        for (Path s : sources) {
            Path c = dir.resolve("par-" + s.getFileName());
            Files.copy(s, c, StandardCopyOption.REPLACE_EXISTING);
            copies.add(c);
        }
        List<String> modify = new ArrayList<>(List.of("-nb", "-gin", "-m", "StudyInstanceUID=" + study,
                "-m", "SeriesInstanceUID=" + series));
        copies.forEach(c -> modify.add(c.toString()));
        assertEquals(0, Dcmtk.run("dcmodify", modify.toArray(String[]::new)).exitCode());

        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Dcmtk.Result>> runs = new ArrayList<>();
            for (int a = 0; a < 8; a++) {
                List<Path> share = copies.subList(a * 6, a * 6 + 6);
                runs.add(pool.submit(() -> store("-v", share.toArray(Path[]::new))));
            }
            for (Future<Dcmtk.Result> run : runs) {
                Dcmtk.Result r = run.get();
                assertEquals(0, r.exitCode(), r.output());
                assertEquals(6, count(r.output(), "Received Store Response (Success)"), r.output());
            }
        } finally {
            pool.shutdownNow();
        }
        String firstSop = header(copies.get(0)).getString(Tag.SOPInstanceUID);
        assertEquals(series, column("select s.series_uid from instance_record i join series_record s"
                + " on s.id = i.series_fk where i.sop_instance_uid = ?", firstSop));
        assertEquals(48, countInstances(series), "every instance of the 8 associations is indexed");

        Dcmtk.Result images = Dcmtk.run("findscu", "-S", "-aet", "CHANGXING_PACS", "-aec", "CONSILIUM", "localhost",
                port(), "-k", "QueryRetrieveLevel=IMAGE", "-k", "StudyInstanceUID=" + study,
                "-k", "SeriesInstanceUID=" + series, "-k", "SOPInstanceUID");
        assertEquals(48, count(images.output(), "(0008,0018) UI"), images.output());
    }

    @Test
    void patientRootFindAnswersAtPatientLevelWithCounts(@TempDir Path dir) throws Exception {
        String patientId = "PR-" + System.nanoTime();
        List<Path> files = new ArrayList<>();
        for (Path p : Stow.dir("chinese-name/ISO_IR_192")) {
            Path copy = withNewUids(p, dir, true);
            assertEquals(0, Dcmtk.run("dcmodify", "-nb", "-m", "PatientID=" + patientId, copy.toString()).exitCode());
            files.add(copy);
        }
        assertEquals(0, store(null, files.toArray(Path[]::new)).exitCode());

        Dcmtk.Result mine = Dcmtk.run("findscu", "-P", "-aet", "CHANGXING_PACS", "-aec", "CONSILIUM", "localhost", port(),
                "-k", "QueryRetrieveLevel=PATIENT", "-k", "PatientID=" + patientId, "-k", "PatientName",
                "-k", "NumberOfPatientRelatedStudies", "-k", "NumberOfPatientRelatedInstances");
        assertEquals(0, mine.exitCode(), mine.output());
        assertEquals(1, count(mine.output(), "(0010,0020) LO [" + patientId), mine.output());
        assertTrue(mine.output().matches("(?s).*\\(0020,1204\\) IS \\[" + files.size() + " *\\].*"), mine.output());
        assertTrue(mine.output().contains("张^三"), "the Chinese name comes back: " + mine.output());

        Dcmtk.Result studyRoot = Dcmtk.run("findscu", "-S", "-aet", "CHANGXING_PACS", "-aec", "CONSILIUM", "localhost",
                port(), "-k", "QueryRetrieveLevel=PATIENT", "-k", "PatientID=" + patientId);
        assertTrue(studyRoot.output().contains("Identifier Does Not Match SOP Class")
                || !studyRoot.output().contains(patientId), "Study Root has no PATIENT level: " + studyRoot.output());

        Dcmtk.Result theirs = Dcmtk.run("findscu", "-P", "-aet", "FUMIN_PACS", "-aec", "CONSILIUM", "localhost", port(),
                "-k", "QueryRetrieveLevel=PATIENT", "-k", "PatientID=" + patientId, "-k", "PatientName");
        assertEquals(0, theirs.exitCode(), theirs.output());
        assertFalse(theirs.output().contains(patientId), "another county sees nothing: " + theirs.output());
    }

    /**
     * Sequence matching (PS3.4 C.2.2.2.6) on the procedure code of a study and the request attributes of a
     * series: single value and wildcard inside the item, a non-matching item finds nothing, the answer
     * carries the stored item, and another county's AE sees nothing.
     */
    @Test
    void findMatchesInsideProcedureCodeAndRequestAttributesSequences(@TempDir Path dir) throws Exception {
        String rp = "RP" + System.nanoTime();
        Path file = withNewUids(Stow.dir("lung-phantom/CT").get(0), dir, true);
        Dcmtk.Result modified = Dcmtk.run("dcmodify", "-nb",
                "-i", "(0008,1032)[0].(0008,0100)=CT-" + rp, "-i", "(0008,1032)[0].(0008,0102)=99CONSILIUM",
                "-i", "(0040,0275)[0].(0040,1001)=" + rp, "-i", "(0040,0275)[0].(0040,0009)=SPS-" + rp,
                file.toString());
        assertEquals(0, modified.exitCode(), modified.output());
        assertEquals(0, store(null, file).exitCode());
        String study = header(file).getString(Tag.StudyInstanceUID);

        assertEquals(1, count(find("CHANGXING_PACS", "STUDY", "(0008,1032)[0].(0008,0100)=CT-" + rp), study));
        Dcmtk.Result wild = findResult("CHANGXING_PACS", "STUDY", "(0008,1032)[0].(0008,0100)=*-" + rp,
                "(0008,1032)[0].(0008,0102)=99CONS?LIUM");
        assertEquals(1, count(wild.output(), study), wild.output());
        assertTrue(wild.output().contains("CT-" + rp), "the stored item is answered: " + wild.output());
        assertEquals(0, count(find("CHANGXING_PACS", "STUDY", "(0008,1032)[0].(0008,0100)=MR-" + rp), study));
        assertEquals(0, count(find("CHANGXING_PACS", "STUDY", "(0008,1032)[0].(0008,0100)=CT-" + rp,
                "(0008,1032)[0].(0008,0102)=LN"), study), "every key of the item must match one stored item");

        Dcmtk.Result series = findResult("CHANGXING_PACS", "SERIES", "(0040,0275)[0].(0040,1001)=" + rp,
                "(0040,0275)[0].(0040,0009)", "(0040,0275)[0].(0032,1060)");
        assertEquals(1, count(series.output(), study), series.output());
        assertTrue(series.output().contains("SPS-" + rp), "the asked item key is answered: " + series.output());
        assertTrue(series.output().contains("(0032,1060)"), "an asked key not stored comes back empty: "
                + series.output());
        assertEquals(0, count(find("CHANGXING_PACS", "SERIES", "(0040,0275)[0].(0040,1001)=" + rp + "9"), study));
        assertEquals(0, count(find("FUMIN_PACS", "STUDY", "(0008,1032)[0].(0008,0100)=CT-" + rp), study),
                "another county sees nothing");

        // the same keys through QIDO-RS, as PS3.18 writes them (sequence.item)
        given().auth().oauth2(Tokens.of("cx.doctor")).queryParam("00400275.00401001", rp).get("/dicomweb/series")
                .then().statusCode(200).body("'0020000D'.Value.flatten()", hasItem(study))
                .body(containsString("\"SPS-" + rp + "\""));
        given().auth().oauth2(Tokens.of("cx.doctor")).queryParam("00081032.00080100", "*-" + rp)
                .get("/dicomweb/studies").then().statusCode(200).body("'0020000D'.Value.flatten()", hasItem(study));
        given().auth().oauth2(Tokens.of("cx.doctor")).queryParam("00400275.00401001", rp + "9")
                .get("/dicomweb/series").then().statusCode(204);
        given().auth().oauth2(Tokens.of("fm.doctor")).queryParam("00081032.00080100", "CT-" + rp)
                .get("/dicomweb/studies").then().statusCode(204);
        given().auth().oauth2(Tokens.of("cx.doctor")).queryParam("00400275.00400275.00401001", rp)
                .get("/dicomweb/series").then().statusCode(400);
    }

    private String find(String callingAe, String level, String... keys) throws Exception {
        return findResult(callingAe, level, keys).output();
    }

    private Dcmtk.Result findResult(String callingAe, String level, String... keys) throws Exception {
        List<String> args = new ArrayList<>(List.of("-S", "-aet", callingAe, "-aec", "CONSILIUM", "localhost", port(),
                "-k", "QueryRetrieveLevel=" + level, "-k", "StudyInstanceUID"));
        for (String k : keys) {
            args.add("-k");
            args.add(k);
        }
        Dcmtk.Result r = Dcmtk.run("findscu", args.toArray(String[]::new));
        assertEquals(0, r.exitCode(), r.output());
        return r;
    }

    @Test
    void hostileInputIsAbortedOrRefusedAndTheArchiveGoesOnServing(@TempDir Path dir) throws Exception {
        try (Socket raw = new Socket("localhost", listener.port())) {
            raw.setSoTimeout(20_000);
            raw.getOutputStream().write("GET / HTTP/1.1\r\nHost: consilium\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            byte[] reply = raw.getInputStream().readAllBytes(); // returns when the server closes
            assertTrue(reply.length == 0 || reply[0] == 0x07, "A-ABORT or close, got " + reply.length + " bytes");
        }

        Path file = withNewUids(Stow.dir("lung-phantom/CT").get(25), dir, true);
        Part10File f = Part10File.read(file);
        byte[] whole;
        try (InputStream in = f.openDataSet()) {
            whole = in.readAllBytes();
        }
        ConnectOptions options = StoreScu.propose(ConnectOptions.of("localhost", listener.port(), "CHANGXING_PACS",
                "CONSILIUM"), List.of(f));
        try (Association as = Association.connect(options)) {
            Status truncated = as.cstore(f.sopClassUid(), f.sopInstanceUid(), f.transferSyntaxUid(),
                    new ByteArrayInputStream(Arrays.copyOf(whole, whole.length / 2)));
            assertTrue(truncated.code() >= 0xA000 && truncated.code() < 0xD000,
                    "a truncated data set gets a failure status, got " + Integer.toHexString(truncated.code()));
            assertEquals(0, Integer.parseInt(column("select count(*) from instance_record where sop_instance_uid = ?",
                    f.sopInstanceUid())), "nothing of the truncated data set is indexed");
            Status retry = as.cstore(f.sopClassUid(), f.sopInstanceUid(), f.transferSyntaxUid(),
                    new ByteArrayInputStream(whole));
            assertEquals(Status.SUCCESS, retry.code(), "the same association goes on: " + retry);
        }
        assertEquals(0, Dcmtk.run("echoscu", "-aet", "CHANGXING_PACS", "-aec", "CONSILIUM", "localhost", port())
                .exitCode(), "other associations are served");
        Attributes back = new DicomReader().readFile(storedBlob(f.sopInstanceUid())).dataset();
        assertEquals(new DicomReader().readFile(file).dataset(), back);
    }

    private Dcmtk.Result store(String option, Path... files) throws Exception {
        List<String> args = new ArrayList<>();
        if (option != null) {
            args.add(option);
        }
        args.addAll(List.of("-aet", "CHANGXING_PACS", "-aec", "CONSILIUM", "localhost", port()));
        for (Path f : files) {
            args.add(f.toString());
        }
        return Dcmtk.run("storescu", args.toArray(String[]::new));
    }

    /** A copy with fresh study, series and instance UIDs, so this test's instances are its own. */
    public static Path withNewUids(Path source, Path dir, boolean newStudy) throws Exception {
        Path copy = Files.createTempFile(dir, "copy-", ".dcm");
        Files.copy(source, copy, StandardCopyOption.REPLACE_EXISTING);
        List<String> args = new ArrayList<>(List.of("-nb", "-gin", "-gse"));
        if (newStudy) {
            args.add("-gst");
        }
        args.add(copy.toString());
        Dcmtk.Result r = Dcmtk.run("dcmodify", args.toArray(String[]::new));
        assertEquals(0, r.exitCode(), r.output());
        return copy;
    }

    private static String newUid(Path dir) throws Exception {
        Path probe = withNewUids(Stow.dir("lung-phantom/CT").get(0), dir, true);
        return header(probe).getString(Tag.StudyInstanceUID);
    }

    private static String storedTransferSyntax(String sop) throws Exception {
        return column("select transfer_syntax from instance_record where sop_instance_uid = ?", sop);
    }

    private Path storedBlob(String sop) throws Exception {
        return blobs.path(column("select blob_key from instance_record where sop_instance_uid = ?", sop));
    }

    private static int countInstances(String series) throws Exception {
        return Integer.parseInt(column("select count(*) from instance_record i join series_record s on s.id = i.series_fk"
                + " where s.series_uid = ?", series));
    }

    private static String column(String sql, String arg) throws Exception {
        try (Connection c = ConsiliumTestResource.stack().postgres().superuserConnection();
             PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, arg);
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next(), "no row for " + arg);
                return rs.getString(1);
            }
        }
    }

    private static int count(String text, String needle) {
        int n = 0;
        for (int at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) {
            n++;
        }
        return n;
    }

    private String port() {
        return String.valueOf(listener.port());
    }

    private static Attributes header(Path f) throws Exception {
        return DicomWebTest.header(f);
    }
}
