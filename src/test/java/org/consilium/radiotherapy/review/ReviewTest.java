package org.consilium.radiotherapy.review;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.consilium.live.Actor;
import org.consilium.live.RoomLog;
import org.consilium.live.Rooms;
import org.consilium.localstack.ConsiliumTestResource;
import org.consilium.localstack.Tokens;
import org.consilium.radiotherapy.SamplePlan;
import org.consilium.radiotherapy.submission.SubmissionTest;
import org.junit.jupiter.api.Test;

/**
 * Review of a submitted plan: revision 1 from the submitted RTSTRUCT, the review room, two experts' contour
 * edits committed as revision 2, metrics between them, the DVH and constraints, and malformed edits refused.
 * The edits are appended to the room's event log through live's public {@link RoomLog}, exactly as the
 * live socket's {@code contour.edit} writes them (docs/live-protocol.md).
 */
@QuarkusTest
@WithTestResource(ConsiliumTestResource.class)
class ReviewTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    RoomLog log;
    @Inject
    Rooms rooms;

    static String userId(String username) {
        return given().auth().oauth2(Tokens.of(username)).get("/api/me").then().statusCode(200).extract().path("id");
    }

    static String readySubmission() throws Exception {
        SamplePlan plan = SamplePlan.copy();
        String id = SubmissionTest.submit("cx.rt", plan.studyUid);
        SamplePlan.stow("cx.rt", new ArrayList<>(plan.files.values()));
        SubmissionTest.awaitState(id, "AWAITING_REVIEW");
        return id;
    }

    /** A contour.edited event as the live socket appends it: a circle of radius r around (cx, cy) at z. */
    void addCircle(UUID room, String username, String role, int roi, double cx, double cy, double z, double r) {
        ObjectNode edit = JSON.createObjectNode().put("action", "add").put("roiNumber", roi)
                .put("polygonId", UUID.randomUUID().toString());
        edit.putObject("plane").put("z", z);
        ArrayNode points = edit.putArray("points");
        for (int i = 0; i < 64; i++) {
            double t = 2 * Math.PI * i / 64;
            points.addArray().add(cx + r * Math.cos(t)).add(cy + r * Math.sin(t)).add(z);
        }
        append(room, username, role, edit);
    }

    void append(UUID room, String username, String role, ObjectNode edit) {
        ObjectNode data = JSON.createObjectNode();
        data.set("edit", edit);
        log.append(room, new Actor(userId(username), username, role), UUID.randomUUID().toString(), "contour.edited",
                data, (c, seq) -> { });
    }

    static io.restassured.specification.RequestSpecification as(String user) {
        return given().auth().oauth2(Tokens.of(user));
    }

    @Test
    void twoExpertsEditsBecomeOneRevisionWithMetricsAndDose() throws Exception {
        String id = readySubmission();
        JsonPath lineage = as("cx.rt").get("/api/rt/submissions/{id}/revisions", id).then().statusCode(200).extract().jsonPath();
        assertEquals(List.of(1), lineage.getList("number"));
        assertEquals("SUBMITTED", lineage.getString("[0].kind"));
        assertEquals(8, lineage.getList("[0].changedRois").size());

        as("cm.wang").contentType(ContentType.JSON).body(Map.of("userId", userId("dr.li"), "displayName", "李明"))
                .post("/api/rt/submissions/{id}/reviewers", id).then().statusCode(204);
        as("cm.wang").contentType(ContentType.JSON).body(Map.of("userId", userId("phys.chen"), "displayName", "陈静"))
                .post("/api/rt/submissions/{id}/reviewers", id).then().statusCode(204);
        UUID room = UUID.fromString(as("dr.li").post("/api/rt/submissions/{id}/room", id).then().statusCode(200)
                .body("baseRevision", equalTo(1)).extract().path("roomId"));
        as("cm.wang").post("/api/rt/submissions/{id}/room", id).then().statusCode(200);
        as("phys.chen").post("/api/rt/submissions/{id}/room", id).then().statusCode(200);
        assertEquals("reviewer", rooms.participant(room, userId("dr.li")).orElseThrow().role(),
                "opening the room again does not take a reviewer's role away");
        assertEquals("reviewer", rooms.participant(room, userId("phys.chen")).orElseThrow().role());
        assertEquals("chair", rooms.participant(room, userId("cm.wang")).orElseThrow().role(), "the case manager chairs");

        addCircle(room, "dr.li", "reviewer", 8, -72, -10, 21.25, 36);
        addCircle(room, "phys.chen", "reviewer", 4, 0, 88.5, 1.25, 7.5);
        JsonPath committed = as("dr.li").contentType(ContentType.JSON).body(Map.of("reason", "PTV 外扩，脊髓加宽"))
                .post("/api/rt/submissions/{id}/revisions", id).then().statusCode(201).extract().jsonPath();
        assertEquals(2, committed.getInt("number"));
        assertEquals(1, committed.getInt("parentNumber"));
        assertEquals(List.of("SPINALCORD", "PTV"), committed.getList("changedRois.name"));

        JsonPath metrics = as("cx.rt").get("/api/rt/submissions/{id}/metrics?from=1&to=2", id).then().statusCode(200)
                .extract().jsonPath();
        assertEquals(1.0, metrics.getDouble("find { it.roiName == 'BODY' }.dice"), 1e-12);
        double ptvDice = metrics.getDouble("find { it.roiName == 'PTV' }.dice");
        assertTrue(ptvDice > 0.9 && ptvDice < 1, "one PTV plane grew: Dice " + ptvDice);
        assertTrue(metrics.getDouble("find { it.roiName == 'SPINALCORD' }.volumeDifference") > 0);

        JsonPath dose = as("dr.li").get("/api/rt/submissions/{id}/revisions/2/dose", id).then().statusCode(200)
                .extract().jsonPath();
        assertEquals("lung v1", dose.getString("template"));
        assertEquals("PASS", dose.getString("constraints.find { it.constraint == 'SPINALCORD Dmax < 45 Gy' }.outcome"));
        assertEquals("NOT_EVALUABLE", dose.getString("constraints.find { it.constraint == 'LUNGS V20Gy < 30 %' }.outcome"));
        assertTrue(dose.getDouble("rois.find { it.roiName == 'PTV' }.d95") > 50);

        JsonPath county = as("dr.li").get("/api/rt/submissions/{id}/revisions/1/dose", id).then().statusCode(200)
                .extract().jsonPath();
        JsonPath impact = as("cx.rt").get("/api/rt/submissions/{id}/dose-impact?from=1&to=2", id).then().statusCode(200)
                .extract().jsonPath();
        String cord = "constraints.find { it.constraint == 'SPINALCORD Dmax < 45 Gy' }";
        assertEquals(county.getDouble(cord + ".margin"), impact.getDouble(cord + ".before.margin"), 1e-9);
        assertEquals(dose.getDouble(cord + ".margin"), impact.getDouble(cord + ".after.margin"), 1e-9);
        assertEquals(dose.getDouble(cord + ".margin") - county.getDouble(cord + ".margin"),
                impact.getDouble(cord + ".marginChange"), 1e-9);
        assertTrue(impact.getDouble("rois.find { it.roiName == 'SPINALCORD' }.after.volume")
                > impact.getDouble("rois.find { it.roiName == 'SPINALCORD' }.before.volume"), "the cord was widened");
        assertEquals(impact.getDouble("rois.find { it.roiName == 'BODY' }.before.dmean"),
                impact.getDouble("rois.find { it.roiName == 'BODY' }.after.dmean"), 1e-12);
        as("cx.rt").get("/api/rt/submissions/{id}/dose-impact", id).then().statusCode(400)
                .contentType("application/problem+json");
        as("fm.rt").get("/api/rt/submissions/{id}/dose-impact?from=1&to=2", id).then().statusCode(404);

        as("dr.li").contentType(ContentType.JSON).body(Map.of("reason", "again"))
                .post("/api/rt/submissions/{id}/revisions", id).then().statusCode(409);
        assertEquals(List.of(1, 2), as("cx.rt").get("/api/rt/submissions/{id}/revisions", id).then().extract()
                .jsonPath().getList("number"));
    }

    @Test
    void aSelfIntersectingEditIsRefusedNamingRoiAndPlaneAndNothingIsStored() throws Exception {
        String id = readySubmission();
        UUID room = UUID.fromString(as("cm.wang").post("/api/rt/submissions/{id}/room", id).then().statusCode(200)
                .extract().path("roomId"));
        ObjectNode bowTie = JSON.createObjectNode().put("action", "add").put("roiNumber", 8)
                .put("polygonId", UUID.randomUUID().toString());
        bowTie.putObject("plane").put("z", 21.25);
        ArrayNode points = bowTie.putArray("points");
        for (double[] p : new double[][] {{-90, -30}, {-50, 10}, {-50, -30}, {-90, 10}}) {
            points.addArray().add(p[0]).add(p[1]).add(21.25);
        }
        append(room, "cm.wang", "chair", bowTie);
        as("cm.wang").contentType(ContentType.JSON).body(Map.of("reason", "bad"))
                .post("/api/rt/submissions/{id}/revisions", id).then().statusCode(400)
                .contentType("application/problem+json")
                .body("detail", containsString("ROI 8 PTV, plane z = 21.25 mm: the outline crosses itself"));
        assertEquals(List.of(1), as("cx.rt").get("/api/rt/submissions/{id}/revisions", id).then().extract()
                .jsonPath().getList("number"));
    }

    @Test
    void aRevisionIsServedGzippedWithAStrongETagAndOnlyToThoseWhoMaySeeIt() throws Exception {
        String id = readySubmission();
        var response = as("cx.rt").header("Accept-Encoding", "gzip").get("/api/rt/submissions/{id}/revisions/1", id)
                .then().statusCode(200).header("Content-Encoding", "gzip").extract();
        String etag = response.header("ETag");
        assertTrue(etag != null && etag.startsWith("\""), "strong ETag: " + etag);
        JsonPath revision = response.jsonPath();
        assertEquals("PTV", revision.getString("rois[7].name"));
        assertEquals("PTV", revision.getString("rois.find { it.number == 8 }.interpretedType"));
        assertTrue(revision.getList("rois[7].planes").size() > 10);
        assertTrue(revision.getString("rois[7].planes[0].sopInstanceUid").startsWith("2.25."));
        as("cx.rt").header("If-None-Match", etag).get("/api/rt/submissions/{id}/revisions/1", id).then().statusCode(304);
        String plain = as("cx.rt").header("Accept-Encoding", "identity").get("/api/rt/submissions/{id}/revisions/1", id)
                .then().statusCode(200).header("ETag", etag).extract().asString();
        String again = as("cx.rt").header("Accept-Encoding", "gzip").get("/api/rt/submissions/{id}/revisions/1", id)
                .then().statusCode(200).header("Content-Encoding", "gzip").extract().asString();
        assertEquals(plain, again, "the cached gzipped JSON is the stored JSON");
        for (String outsider : List.of("fm.rt", "dr.zhao")) {
            as(outsider).get("/api/rt/submissions/{id}/revisions/1", id).then().statusCode(404);
            as(outsider).get("/api/rt/submissions/{id}/metrics?from=1&to=1", id).then().statusCode(404);
            as(outsider).get("/api/rt/submissions/{id}/revisions/1/dose", id).then().statusCode(404);
            as(outsider).post("/api/rt/submissions/{id}/room", id).then().statusCode(404);
        }
        as("cx.rt").post("/api/rt/submissions/{id}/room", id).then().statusCode(403);
        as("cx.rt").contentType(ContentType.JSON).body(Map.of("reason", "self-approve"))
                .post("/api/rt/submissions/{id}/revisions", id).then().statusCode(403);
    }
}
