package org.consilium.dicom.net.dimse;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.consilium.dicom.data.Attributes;
import org.consilium.dicom.dict.Tag;
import org.consilium.dicom.dict.UID;
import org.consilium.dicom.dict.VR;
import org.consilium.dicom.io.DicomReader;
import org.consilium.dicom.net.Dcmtk;
import org.consilium.dicom.net.MemoryArchive;
import org.consilium.dicom.net.TestFiles;
import org.consilium.dicom.net.association.DicomServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** dcmtk findscu, movescu and getscu against our C-FIND, C-MOVE and C-GET SCPs. */
class QueryRetrieveTest {

    private static final Duration RUN = Duration.ofSeconds(60);

    @TempDir
    Path tmp;

    private MemoryArchive archive;
    private DicomServer server;
    private List<Path> zhang;
    private List<Path> smith;
    private Process storescp;

    @BeforeEach
    void start() throws Exception {
        zhang = TestFiles.generate(Files.createDirectories(tmp.resolve("a")), 3, UID.ExplicitVRLittleEndian, "张^三");
        smith = TestFiles.generate(Files.createDirectories(tmp.resolve("b")), 2, UID.ExplicitVRLittleEndian, "Smith^John");
        archive = new MemoryArchive().add(zhang).add(smith);
        server = DicomServer.builder().aeTitle("CONSILIUM").bindAddress("127.0.0.1").port(0)
                .findHandler(archive).moveHandler(archive).getHandler(archive).build().start();
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
        if (storescp != null) {
            storescp.destroy();
        }
    }

    @Test
    void findsStudyByChineseNameAndAnswersInUtf8() throws Exception {
        List<Attributes> rsp = findscu("-S", "-k", "QueryRetrieveLevel=STUDY", "-k", "SpecificCharacterSet=ISO_IR 192",
                "-k", "PatientName=张*", "-k", "StudyInstanceUID", "-k", "PatientID");
        assertEquals(1, rsp.size());
        assertEquals("ISO_IR 192", rsp.get(0).getString(Tag.SpecificCharacterSet));
        assertEquals("张^三", rsp.get(0).getString(Tag.PatientName));
        assertEquals(studyOf(zhang), rsp.get(0).getString(Tag.StudyInstanceUID));
    }

    @Test
    void answersInUtf8WhenTheQueryNamesNoCharacterSet() throws Exception {
        List<Attributes> rsp = findscu("-P", "-k", "QueryRetrieveLevel=STUDY", "-k", "PatientName", "-k", "StudyInstanceUID");
        assertEquals(2, rsp.size());
        for (Attributes a : rsp) {
            assertEquals("ISO_IR 192", a.getString(Tag.SpecificCharacterSet));
        }
        assertTrue(rsp.stream().anyMatch(a -> "张^三".equals(a.getString(Tag.PatientName))));
    }

    @Test
    void findsAtSeriesAndImageLevel() throws Exception {
        String study = studyOf(zhang);
        assertEquals(1, findscu("-S", "-k", "QueryRetrieveLevel=SERIES", "-k", "StudyInstanceUID=" + study,
                "-k", "SeriesInstanceUID", "-k", "Modality").size());
        List<Attributes> images = findscu("-S", "-k", "QueryRetrieveLevel=IMAGE", "-k", "StudyInstanceUID=" + study,
                "-k", "SeriesInstanceUID", "-k", "SOPInstanceUID", "-k", "InstanceNumber");
        assertEquals(3, images.size());
    }

    @Test
    void stopsSendingMatchesWhenFindscuCancels() throws Exception {
        archive.synthetic = i -> {
            Attributes a = new Attributes();
            a.setString(Tag.QueryRetrieveLevel, VR.CS, "STUDY");
            a.setString(Tag.StudyInstanceUID, VR.UI, "1.2.3." + i);
            return a;
        };
        Dcmtk.Result r = Dcmtk.run(RUN, "findscu", "-v", "-S", "--cancel", "2", "-aec", "CONSILIUM",
                "-k", "QueryRetrieveLevel=STUDY", "-k", "StudyInstanceUID", "127.0.0.1", port());
        assertEquals(0, r.exitCode(), r.output());
        assertTrue(r.output().contains("Cancel"), r.output());
        assertTrue(archive.sawCancel, "handler was told of the C-CANCEL");
        assertTrue(archive.pendingSent < 10_000);
    }

    @Test
    void movesStudyToStorescpDestination() throws Exception {
        int destPort = Dcmtk.freePort();
        Path rx = Files.createDirectories(tmp.resolve("rx"));
        storescp = Dcmtk.storescp(rx, "DEST", destPort);
        archive.destinations.put("DEST", destPort);
        Dcmtk.Result r = Dcmtk.run(RUN, "movescu", "-v", "-S", "-aec", "CONSILIUM", "-aem", "DEST",
                "-k", "QueryRetrieveLevel=STUDY", "-k", "StudyInstanceUID=" + studyOf(zhang), "127.0.0.1", port());
        assertEquals(0, r.exitCode(), r.output());
        assertReceived(rx, zhang);
        assertTrue(r.output().contains("Received Final Move Response (Success)"), r.output());
    }

    @Test
    void moveToUnknownDestinationFails() throws Exception {
        Dcmtk.Result r = Dcmtk.run(RUN, "movescu", "-v", "-S", "-aec", "CONSILIUM", "-aem", "NOWHERE",
                "-k", "QueryRetrieveLevel=STUDY", "-k", "StudyInstanceUID=" + studyOf(zhang), "127.0.0.1", port());
        assertTrue(r.output().contains("Final Move Response (Refused: MoveDestinationUnknown)"), r.output());
    }

    @Test
    void getscuReceivesStudyOnTheSameAssociation() throws Exception {
        Path rx = Files.createDirectories(tmp.resolve("get"));
        Dcmtk.Result r = Dcmtk.run(RUN, "getscu", "-v", "-S", "-aec", "CONSILIUM", "-od", rx.toString(),
                "-k", "QueryRetrieveLevel=STUDY", "-k", "StudyInstanceUID=" + studyOf(smith), "127.0.0.1", port());
        assertEquals(0, r.exitCode(), r.output());
        assertReceived(rx, smith);
    }

    private static void assertReceived(Path rx, List<Path> sent) throws Exception {
        List<Path> got;
        try (Stream<Path> s = Files.list(rx)) {
            got = s.toList();
        }
        assertEquals(sent.size(), got.size(), got.toString());
        for (Path f : sent) {
            String iuid = Part10File.read(f).sopInstanceUid();
            Path match = got.stream().filter(p -> p.getFileName().toString().endsWith(iuid)).findFirst().orElseThrow();
            assertArrayEquals(TestFiles.dataSetBytes(f), TestFiles.dataSetBytes(match), iuid);
        }
    }

    private List<Attributes> findscu(String... keys) throws Exception {
        Path out = Files.createTempDirectory(tmp, "rsp");
        List<String> args = new ArrayList<>(List.of("-X", "-od", out.toString(), "-aec", "CONSILIUM"));
        args.addAll(List.of(keys));
        args.add("127.0.0.1");
        args.add(port());
        Dcmtk.Result r = Dcmtk.run(RUN, "findscu", args.toArray(String[]::new));
        assertEquals(0, r.exitCode(), r.output());
        List<Attributes> responses = new ArrayList<>();
        try (Stream<Path> s = Files.list(out)) {
            for (Path p : s.sorted().toList()) {
                responses.add(new DicomReader().readFile(p).dataset());
            }
        }
        return responses;
    }

    private static String studyOf(List<Path> files) throws Exception {
        return new DicomReader().readFile(files.get(0)).dataset().getString(Tag.StudyInstanceUID);
    }

    private String port() {
        return Integer.toString(server.port());
    }

}
