package org.consilium.archive.dimse;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.consilium.archive.Dcmtk;
import org.consilium.archive.Stow;
import org.consilium.archive.web.DicomWebTest;
import org.consilium.dicom.data.Attributes;
import org.consilium.dicom.dict.Tag;
import org.consilium.dicom.io.DicomReader;
import org.consilium.localstack.ConsiliumTestResource;
import org.consilium.localstack.Tokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The archive over DIMSE, driven by real dcmtk tools. */
@QuarkusTest
@WithTestResource(ConsiliumTestResource.class)
class DimseArchiveTest {

    private static final UUID CHANGXING = UUID.fromString("019a0000-0000-7000-8000-000000000002");

    @Inject
    DimseListener listener;

    @Test
    void echoFromARegisteredAeSucceedsAndAnUnknownAeIsRejected() throws Exception {
        assertEquals(0, Dcmtk.run("echoscu", "-aet", "CHANGXING_PACS", "-aec", "CONSILIUM", "localhost", port()).exitCode());
        Dcmtk.Result unknown = Dcmtk.run("echoscu", "-aet", "STRANGER", "-aec", "CONSILIUM", "localhost", port());
        assertNotEquals(0, unknown.exitCode());
        assertTrue(unknown.output().contains("Calling AE Title Not Recognized"), unknown.output());
    }

    @Test
    void storescuIntoUsThenQidoSeesItForTheSameHospitalOnly() throws Exception {
        List<Path> files = Stow.dir("lung-phantom/CT").subList(60, 70);
        List<String> args = new ArrayList<>(List.of("-aet", "CHANGXING_PACS", "-aec", "CONSILIUM", "localhost", port()));
        files.forEach(f -> args.add(f.toString()));
        Dcmtk.Result r = Dcmtk.run("storescu", args.toArray(String[]::new));
        assertEquals(0, r.exitCode(), r.output());
        Attributes h = header(files.get(0));
        given().auth().oauth2(Tokens.of("cx.doctor")).queryParam("SeriesInstanceUID", h.getString(Tag.SeriesInstanceUID))
                .get("/dicomweb/series").then().statusCode(200)
                .body("'0020000E'.Value[0]", hasItem(h.getString(Tag.SeriesInstanceUID)));
        given().auth().oauth2(Tokens.of("fm.doctor")).queryParam("SeriesInstanceUID", h.getString(Tag.SeriesInstanceUID))
                .get("/dicomweb/series").then().statusCode(204);
    }

    @Test
    void findscuMatchesAChineseNameAndOtherCountiesSeeNothing() throws Exception {
        List<Path> files = Stow.dir("chinese-name/GB18030");
        List<String> args = new ArrayList<>(List.of("-aet", "CHANGXING_PACS", "-aec", "CONSILIUM", "localhost", port()));
        files.forEach(f -> args.add(f.toString()));
        assertEquals(0, Dcmtk.run("storescu", args.toArray(String[]::new)).exitCode());
        String study = header(files.get(0)).getString(Tag.StudyInstanceUID);

        Dcmtk.Result mine = Dcmtk.run("findscu", "-S", "-aet", "CHANGXING_PACS", "-aec", "CONSILIUM", "localhost", port(),
                "-k", "QueryRetrieveLevel=STUDY", "-k", "SpecificCharacterSet=ISO_IR 192",
                "-k", "PatientName=*=张*", "-k", "StudyInstanceUID");
        assertEquals(0, mine.exitCode(), mine.output());
        assertTrue(mine.output().contains(study), mine.output());

        Dcmtk.Result theirs = Dcmtk.run("findscu", "-S", "-aet", "FUMIN_PACS", "-aec", "CONSILIUM", "localhost", port(),
                "-k", "QueryRetrieveLevel=STUDY", "-k", "StudyInstanceUID=" + study);
        assertEquals(0, theirs.exitCode(), theirs.output());
        assertTrue(!theirs.output().contains(study), theirs.output());

        Dcmtk.Result series = Dcmtk.run("findscu", "-S", "-aet", "CHANGXING_PACS", "-aec", "CONSILIUM", "localhost",
                port(), "-k", "QueryRetrieveLevel=SERIES", "-k", "StudyInstanceUID=" + study, "-k", "SeriesInstanceUID",
                "-k", "Modality");
        assertTrue(series.output().contains(header(files.get(0)).getString(Tag.SeriesInstanceUID)), series.output());
    }

    @Test
    void movescuSendsToARegisteredStorescpAndGetscuReceives(@TempDir Path dir) throws Exception {
        List<Path> files = Stow.dir("lung-phantom/CT").subList(80, 83);
        List<String> args = new ArrayList<>(List.of("-aet", "CHANGXING_PACS", "-aec", "CONSILIUM", "localhost", port()));
        files.forEach(f -> args.add(f.toString()));
        assertEquals(0, Dcmtk.run("storescu", args.toArray(String[]::new)).exitCode());
        Attributes h = header(files.get(0));

        int destPort = freePort();
        registerAe("CX_VIEWER", destPort);
        Path received = Files.createDirectories(dir.resolve("moved"));
        Process storescp = Dcmtk.start(dir.resolve("storescp.log"), "storescp", "-aet", "CX_VIEWER", "-od",
                received.toString(), String.valueOf(destPort));
        try {
            Thread.sleep(500);
            Dcmtk.Result move = Dcmtk.run("movescu", "-S", "-aet", "CHANGXING_PACS", "-aec", "CONSILIUM", "-aem",
                    "CX_VIEWER", "localhost", port(), "-k", "QueryRetrieveLevel=SERIES",
                    "-k", "StudyInstanceUID=" + h.getString(Tag.StudyInstanceUID),
                    "-k", "SeriesInstanceUID=" + h.getString(Tag.SeriesInstanceUID));
            assertEquals(0, move.exitCode(), move.output());
        } finally {
            storescp.destroy();
        }
        try (var listing = Files.list(received)) {
            assertTrue(listing.count() >= 3, "storescp received the series");
        }

        Path got = Files.createDirectories(dir.resolve("got"));
        Dcmtk.Result get = Dcmtk.run("getscu", "-aet", "CHANGXING_PACS", "-aec", "CONSILIUM", "-od", got.toString(),
                "localhost", port(), "-k", "QueryRetrieveLevel=IMAGE",
                "-k", "StudyInstanceUID=" + h.getString(Tag.StudyInstanceUID),
                "-k", "SeriesInstanceUID=" + h.getString(Tag.SeriesInstanceUID),
                "-k", "SOPInstanceUID=" + h.getString(Tag.SOPInstanceUID));
        assertEquals(0, get.exitCode(), get.output());
        try (var listing = Files.list(got)) {
            Path one = listing.findFirst().orElseThrow();
            Attributes back = new DicomReader().readFile(one).dataset();
            Attributes sent = new DicomReader().readFile(files.get(0)).dataset();
            assertEquals(sent, back);
            assertArrayEquals(sent.getBytes(Tag.PixelData), back.getBytes(Tag.PixelData));
        }
    }

    private String port() {
        return String.valueOf(listener.port());
    }

    private static Attributes header(Path f) throws Exception {
        return DicomWebTest.header(f);
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static void registerAe(String title, int port) throws Exception {
        try (Connection c = ConsiliumTestResource.stack().postgres().superuserConnection();
             PreparedStatement ps = c.prepareStatement("insert into application_entity (id, hospital_id, ae_title, host,"
                     + " port, created_at) values (?, ?, ?, 'localhost', ?, now()) on conflict (ae_title) do update"
                     + " set port = excluded.port")) {
            ps.setObject(1, UUID.randomUUID());
            ps.setObject(2, CHANGXING);
            ps.setString(3, title);
            ps.setInt(4, port);
            ps.executeUpdate();
        }
    }
}
