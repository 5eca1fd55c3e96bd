package org.consilium.radiotherapy.review;

import static org.consilium.radiotherapy.review.ReviewTest.as;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.consilium.dicom.ExternalTools;
import org.consilium.dicom.data.Attributes;
import org.consilium.dicom.dict.Tag;
import org.consilium.dicom.io.DicomReader;
import org.consilium.dicom.rt.Contour;
import org.consilium.dicom.rt.StructureSet;
import org.consilium.dicom.rt.StructureSetReader;
import org.consilium.live.RoomLog;
import org.consilium.localstack.ConsiliumTestResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A committed revision written back as a new RTSTRUCT: valid under dciodvfy, edits unchanged, stored with the study
 * and sent by C-STORE through the forwarding queue to the county's receiving AE, a real dcmtk storescp.
 */
@QuarkusTest
@WithTestResource(ConsiliumTestResource.class)
class ExportTest {

    private static final String CHANGXING = "019a0000-0000-7000-8000-000000000002";

    @Inject
    RoomLog log;

    /** The file storescp wrote for this SOP Instance UID (it names files after it), within 60 s. */
    private static Path awaitFile(Path dir, String sopInstanceUid) throws Exception {
        for (int i = 0; i < 300; i++) {
            try (var files = Files.list(dir)) {
                var found = files.filter(f -> f.getFileName().toString().endsWith(sopInstanceUid)).findFirst();
                if (found.isPresent()) {
                    Thread.sleep(200); // storescp renames the file when complete; let it finish writing
                    return found.get();
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("storescp received no " + sopInstanceUid);
    }

    @Test
    void theRevisedStructureSetPassesDciodvfyAndReadsBackWithTheEditedPolygon(@TempDir Path tmp) throws Exception {
        String id = ReviewTest.readySubmission();
        UUID room = UUID.fromString(as("cm.wang").post("/api/rt/submissions/{id}/room", id).then().statusCode(200)
                .extract().path("roomId"));
        ReviewTest edits = new ReviewTest();
        edits.log = log;
        edits.addCircle(room, "cm.wang", "chair", 8, -72, -10, 21.25, 36);
        as("cm.wang").contentType(ContentType.JSON).body(Map.of("reason", "PTV 外扩"))
                .post("/api/rt/submissions/{id}/revisions", id).then().statusCode(201);

        byte[] file = as("cx.rt").get("/api/rt/submissions/{id}/revisions/2/rtstruct", id).then().statusCode(200)
                .contentType("application/dicom").extract().asByteArray();
        Path exported = tmp.resolve("RTSTRUCT_R2.dcm");
        Files.write(exported, file);
        List<String> errors = ExternalTools.run(List.of("dciodvfy", exported.toString())).output().lines()
                .filter(l -> l.startsWith("Error")).toList();
        assertEquals(List.of(), errors);

        Attributes ds = new DicomReader().readFile(exported).dataset();
        String submittedUid = as("cx.rt").get("/api/rt/submissions/{id}", id).then().extract().path("objects.rtstructUid");
        assertNotEquals(submittedUid, ds.getString(Tag.SOPInstanceUID));
        assertEquals("REVIEW R2", ds.getString(Tag.StructureSetLabel));
        assertTrue(ds.getString(Tag.SeriesDescription).contains("review revision 2"));
        StructureSet set = StructureSetReader.read(ds);
        Contour edited = set.roi("PTV").contours().stream().filter(c -> Math.abs(c.z() - 21.25) < 1e-6).findFirst().orElseThrow();
        assertEquals(64, edited.pointCount());
        double[] expected = new double[3 * 64];
        for (int i = 0; i < 64; i++) {
            double t = 2 * Math.PI * i / 64;
            expected[3 * i] = -72 + 36 * Math.cos(t);
            expected[3 * i + 1] = -10 + 36 * Math.sin(t);
            expected[3 * i + 2] = 21.25;
        }
        assertArrayEquals(expected, edited.points(), 1e-9);

        byte[] again = as("cm.wang").get("/api/rt/submissions/{id}/revisions/2/rtstruct", id).then().statusCode(200)
                .extract().asByteArray();
        Files.write(tmp.resolve("again.dcm"), again);
        assertEquals(ds.getString(Tag.SOPInstanceUID),
                new DicomReader().readFile(tmp.resolve("again.dcm")).dataset().getString(Tag.SOPInstanceUID));

        String receiver = "RTRECV" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        Path received = Files.createDirectories(tmp.resolve("received"));
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Process storescp = new ProcessBuilder("storescp", "-aet", receiver, "+xa", "+B", "-od", received.toString(),
                String.valueOf(port)).redirectErrorStream(true).redirectOutput(tmp.resolve("storescp.log").toFile()).start();
        try {
            as("cx.admin").contentType(ContentType.JSON)
                    .body(Map.of("aeTitle", receiver, "host", "127.0.0.1", "port", port, "mayReceive", true))
                    .post("/api/hospitals/{h}/application-entities", CHANGXING).then().statusCode(201);
            String sop = as("cm.wang").queryParam("targetAe", receiver)
                    .post("/api/rt/submissions/{id}/revisions/2/export", id).then().statusCode(200)
                    .body("forwardedTo", org.hamcrest.Matchers.equalTo(receiver)).extract().path("sopInstanceUid");
            assertEquals(ds.getString(Tag.SOPInstanceUID), sop);
            Path arrived = awaitFile(received, sop);
            List<String> county = ExternalTools.run(List.of("dciodvfy", arrived.toString())).output().lines()
                    .filter(l -> l.startsWith("Error")).toList();
            assertEquals(List.of(), county);
            assertEquals("REVIEW R2", new DicomReader().readFile(arrived).dataset().getString(Tag.StructureSetLabel));
        } finally {
            storescp.destroy();
        }
        as("cx.rt").post("/api/rt/submissions/{id}/revisions/2/export", id).then().statusCode(403);
        as("fm.rt").post("/api/rt/submissions/{id}/revisions/2/export", id).then().statusCode(404);
    }
}
