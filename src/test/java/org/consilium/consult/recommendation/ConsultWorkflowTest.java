package org.consilium.consult.recommendation;

import static org.consilium.consult.board.Board.CHANGXING;
import static org.consilium.consult.board.Board.as;
import static org.consilium.consult.board.Board.consultState;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.consilium.archive.StudyAccess;
import org.consilium.dicom.document.EncapsulatedPdf;
import org.consilium.dicom.data.Attributes;
import org.consilium.dicom.dict.Tag;
import org.consilium.dicom.dict.UID;
import org.consilium.dicom.dict.VR;
import org.consilium.dicom.io.DicomFile;
import org.consilium.dicom.io.DicomReader;
import org.consilium.dicom.io.DicomWriter;
import org.consilium.localstack.ConsiliumTestResource;
import org.consilium.localstack.Tokens;
import org.junit.jupiter.api.Test;

/** From the county hospital's request to the opinion document it downloads, stores and receives over DICOM. */
@QuarkusTest
@WithTestResource(ConsiliumTestResource.class)
class ConsultWorkflowTest {

    private static final UUID PROV = UUID.fromString("019a0000-0000-7000-8000-000000000001");
    private static final String RECS = "/api/consults/{c}/recommendations";

    @Inject
    StudyAccess studies;

    @Test
    void countyRequestEndsInASignedOpinionTheCountyDownloadsAndReceivesInItsPacs() throws Exception {
        String study = stowFreshCopyOfTheChineseNameStudy();
        Path received = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "board-pacs");
        String title = "A" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase();
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Process storescp = new ProcessBuilder("storescp", "-aet", title, "+xa", "+B", "-od", received.toString(),
                String.valueOf(port)).redirectErrorStream(true)
                .redirectOutput(received.resolveSibling(title + ".log").toFile()).start();
        try {
            awaitListening(port);
            as("cx.admin").body(Map.of("aeTitle", title, "host", "127.0.0.1", "port", port))
                    .post("/api/hospitals/{h}/application-entities", CHANGXING).then().statusCode(201);

            UUID consult = countyRequestAcceptedByTheCaseManager(study);
            assertTrue(studies.maySee(PROV, study), "attaching the study shared it with the provincial hospital");
            String rec = RecommendationTest.signed(consult);
            assertEquals("SIGNED", consultState(consult));

            byte[] zh = as("cx.doctor").accept("application/pdf").get("/api/consults/{c}/report", consult).then()
                    .statusCode(200).contentType("application/pdf").extract().asByteArray();
            String text = text(zh);
            assertTrue(text.contains("张三"), text);
            assertTrue(text.contains("建议手术切除后辅助化疗"), text);
            assertTrue(text.contains("建议先行新辅助化疗"), "the dissent is printed: " + text);
            String en = text(as("cx.doctor").accept("application/pdf").queryParam("lang", "en")
                    .get("/api/consults/{c}/report", consult).then().statusCode(200).extract().asByteArray());
            assertTrue(en.contains("张三") && en.contains("lobectomy then adjuvant chemotherapy"), en);
            as("fm.doctor").accept("application/pdf").get("/api/consults/{c}/report", consult).then().statusCode(404);

            JsonPath delivery = as("cx.doctor").get("/api/consults/{c}/report/deliveries", consult).then()
                    .statusCode(200).body("[0].recommendationId", equalTo(rec)).body("[0].studyUid", equalTo(study))
                    .body("[0].sopInstanceUid", notNullValue()).body("[0].forwardedTo", equalTo(title))
                    .extract().jsonPath();
            String sop = delivery.getString("[0].sopInstanceUid");
            as("cx.rt").get("/dicomweb/studies/{st}/metadata", study).then().statusCode(200)
                    .body("'00080016'.Value.flatten()", hasItem(UID.EncapsulatedPDFStorage));

            Path file = awaitFile(received, sop);
            DicomFile arrived = new DicomReader(DicomReader.Options.IN_MEMORY).readFile(file);
            assertEquals(study, arrived.dataset().getString(Tag.StudyInstanceUID));
            assertTrue(text(EncapsulatedPdf.document(arrived.dataset())).contains("张三"));
            as("cx.doctor").get("/api/notifications").then().statusCode(200)
                    .body("items.kind", hasItem("recommendation.signed"));
            as("platform.admin").queryParam("target", "consult:" + consult).queryParam("limit", 300)
                    .get("/api/audit").then().statusCode(200)
                    .body("items.action", hasItem("report.download")).body("items.action", hasItem("report.store"))
                    .body("items.action", hasItem("report.forward"));
        } finally {
            storescp.destroy();
        }
    }

    /** cx.doctor registers 张三 and asks for a consult naming the study; cm.wang accepts it. */
    private static UUID countyRequestAcceptedByTheCaseManager(String study) {
        String localId = "BOARD-" + study.substring(study.length() - 8);
        String patient = as("cx.doctor").body(Map.of("localId", localId, "name", "张三", "sex", "M",
                "birthDate", "1958-03-14")).post("/api/patients").then().statusCode(201).extract().path("id");
        String consult = as("cx.doctor").body(Map.of("patientId", patient,
                "clinicalSummary", "右肺上叶周围型占位 3.2 cm，右肺门淋巴结肿大 / RUL peripheral mass, hilar node",
                "question", "手术还是同步放化疗？/ Surgery or chemoradiotherapy?", "urgency", "URGENT",
                "requestedDisciplines", List.of("surgery", "medical-oncology"), "studyUids", List.of(study)))
                .post("/api/consults").then().statusCode(201).body("state", equalTo("REQUESTED"))
                .extract().path("id");
        int version = as("cm.wang").get("/api/consults/{c}", consult).then().statusCode(200).extract().path("version");
        as("cm.wang").body(Map.of("action", "ACCEPT", "version", version))
                .post("/api/consults/{c}/transitions", consult).then().statusCode(200)
                .body("state", equalTo("TRIAGED"));
        return UUID.fromString(consult);
    }

    /** The Chinese-name CT study under new UIDs, so that this test owns its study whatever else ran. */
    private static String stowFreshCopyOfTheChineseNameStudy() throws Exception {
        String study = "2.25." + new java.math.BigInteger(1, uuidBytes());
        String series = study + ".1";
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        int n = 0;
        try (var files = Files.list(Path.of("dicom-samples/chinese-name/ISO_IR_192"))) {
            for (Path f : files.sorted().toList()) {
                DicomFile in = new DicomReader(DicomReader.Options.IN_MEMORY).readFile(f);
                Attributes ds = in.dataset();
                String sop = series + "." + (++n);
                ds.setString(Tag.StudyInstanceUID, VR.UI, study);
                ds.setString(Tag.SeriesInstanceUID, VR.UI, series);
                ds.setString(Tag.SOPInstanceUID, VR.UI, sop);
                ds.setString(Tag.PatientID, VR.LO, "BOARD-" + study.substring(study.length() - 8));
                in.fileMetaInformation().setString(Tag.MediaStorageSOPInstanceUID, VR.UI, sop);
                body.writeBytes("--b\r\nContent-Type: application/dicom\r\n\r\n".getBytes());
                new DicomWriter().writeFile(body, in);
                body.writeBytes("\r\n".getBytes());
            }
        }
        body.writeBytes("--b--\r\n".getBytes());
        io.restassured.RestAssured.given().auth().oauth2(Tokens.of("cx.rt"))
                .contentType("multipart/related; type=\"application/dicom\"; boundary=b").body(body.toByteArray())
                .post("/dicomweb/studies").then().statusCode(200);
        return study;
    }

    private static byte[] uuidBytes() {
        UUID u = UUID.randomUUID();
        return java.nio.ByteBuffer.allocate(16).putLong(u.getMostSignificantBits()).putLong(u.getLeastSignificantBits())
                .array();
    }

    private static String text(byte[] pdf) throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc);
        }
    }

    private static void awaitListening(int port) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(20);
        while (Instant.now().isBefore(deadline)) {
            try (Socket s = new Socket("127.0.0.1", port)) {
                return;
            } catch (java.io.IOException notYet) {
                Thread.sleep(100);
            }
        }
        throw new AssertionError("storescp did not listen on " + port);
    }

    private static Path awaitFile(Path dir, String sop) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            try (var files = Files.list(dir)) {
                List<Path> hit = files.filter(f -> f.getFileName().toString().endsWith(sop)).toList();
                if (!hit.isEmpty()) {
                    return hit.get(0);
                }
            }
            Thread.sleep(250);
        }
        throw new AssertionError("the county PACS did not receive " + sop);
    }
}
