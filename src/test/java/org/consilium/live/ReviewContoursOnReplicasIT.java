package org.consilium.live;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.restassured.path.json.JsonPath;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.consilium.localstack.ConsiliumTestResource;
import org.consilium.localstack.ServerProcess;
import org.consilium.localstack.Stack;
import org.consilium.localstack.Tokens;
import org.consilium.radiotherapy.SamplePlan;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Live contour editing of a radiotherapy review across two replicas of the packaged server (issue 21): the
 * plan is submitted through replica A, two experts join its review room on different replicas, hold leases
 * on different ROIs and edit them at once; each sees the other's edit, and one commit on either replica
 * makes a revision holding both.
 */
class ReviewContoursOnReplicasIT {

    static Stack stack;
    static ServerProcess a;
    static ServerProcess b;

    @BeforeAll
    static void start() throws Exception {
        stack = ConsiliumTestResource.stack();
        a = replica("rt-a");
        b = replica("rt-b");
    }

    static ServerProcess replica(String id) throws Exception {
        Map<String, String> env = Map.of("CONSILIUM_REPLICA_ID", id, "CONSILIUM_RT_POLL", "1s",
                "CONSILIUM_DIMSE_PORT", Integer.toString(LiveReplicasIT.freePort()));
        return ServerProcess.start(stack, LiveReplicasIT.freePort(), "512m", env,
                stack.dataDir().resolve("logs/" + id + ".log")).awaitReady();
    }

    @AfterAll
    static void stop() throws Exception {
        if (a != null) {
            a.close();
        }
        if (b != null) {
            b.close();
        }
    }

    private static io.restassured.specification.RequestSpecification as(String user) {
        return given().auth().oauth2(Tokens.of(user)).contentType("application/json");
    }

    private static String url(ServerProcess server, String path) {
        return LiveReplicasIT.base(server).resolve(path).toString();
    }

    @Test
    @SuppressWarnings("unchecked")
    void twoExpertsOnTwoReplicasEditDifferentRoisAndOneCommitHoldsBoth() throws Exception {
        SamplePlan plan = SamplePlan.copy();
        Map<String, Object> request = new HashMap<>(Map.of("studyInstanceUid", plan.studyUid, "diseaseSite", "lung",
                "prescription", Map.of("totalDoseGy", 60, "fractions", 30), "technique", "IMRT",
                "question", "请审核 PTV 及脊髓"));
        String id = as("cx.rt").body(request).post(url(a, "/api/rt/submissions")).then().statusCode(201).extract().path("id");
        SamplePlan.stow(URI.create(a.baseUrl() + "/"), "cx.rt", new ArrayList<>(plan.files.values()));
        awaitReview(id);
        for (String reviewer : List.of("dr.li", "phys.chen")) {
            String userId = given().auth().oauth2(Tokens.of(reviewer)).get(url(a, "/api/me")).then().extract().path("id");
            as("cm.wang").body(Map.of("userId", userId, "displayName", reviewer))
                    .post(url(b, "/api/rt/submissions/" + id + "/reviewers")).then().statusCode(204);
        }
        UUID room = UUID.fromString(as("dr.li").post(url(b, "/api/rt/submissions/" + id + "/room")).then()
                .statusCode(200).extract().path("roomId"));

        try (LiveClient li = LiveClient.join(LiveReplicasIT.base(a), "dr.li", room, null);
             LiveClient chen = LiveClient.join(LiveReplicasIT.base(b), "phys.chen", room, null)) {
            li.await("welcome");
            chen.await("welcome");
            li.send(LiveProtocolTest.op("lease.acquire", "l-ptv", "target", "roi:8"));
            chen.send(LiveProtocolTest.op("lease.acquire", "c-cord", "target", "roi:4"));
            assertEquals("ack", li.answer("l-ptv").path("type").asText());
            assertEquals("ack", chen.answer("c-cord").path("type").asText());
            chen.send(LiveProtocolTest.op("contour.edit", "c-steal", "edit", circle(8, -72, -10, 21.25, 36)));
            assertEquals("error", chen.answer("c-steal").path("type").asText(), "PTV is dr.li's lease");

            li.send(LiveProtocolTest.op("contour.edit", "l-edit", "edit", circle(8, -72, -10, 21.25, 36)));
            chen.send(LiveProtocolTest.op("contour.edit", "c-edit", "edit", circle(4, 0, 88.5, 1.25, 7.5)));
            assertEquals("ack", li.answer("l-edit").path("type").asText());
            assertEquals("ack", chen.answer("c-edit").path("type").asText());
            assertEquals(8, editOf(chen, 8).path("roiNumber").asInt(), "phys.chen on B sees dr.li's PTV edit from A");
            assertEquals(4, editOf(li, 4).path("roiNumber").asInt(), "dr.li on A sees phys.chen's cord edit from B");
        }

        JsonPath committed = as("phys.chen").body(Map.of("reason", "PTV 外扩，脊髓加宽（两位专家）"))
                .post(url(a, "/api/rt/submissions/" + id + "/revisions")).then().statusCode(201).extract().jsonPath();
        assertEquals(2, committed.getInt("number"));
        assertEquals(List.of("SPINALCORD", "PTV"), committed.getList("changedRois.name"));
        JsonPath revision = given().auth().oauth2(Tokens.of("cx.rt")).get(url(b, "/api/rt/submissions/" + id
                + "/revisions/2")).then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> planes = revision.getList("rois.find { it.number == 8 }.planes");
        Map<String, Object> edited = planes.stream().filter(p -> Math.abs(((Number) p.get("z")).doubleValue() - 21.25) < 1e-3)
                .findFirst().orElseThrow();
        List<Map<String, Object>> polygons = (List<Map<String, Object>>) edited.get("polygons");
        assertEquals(1, polygons.size());
        assertEquals(64 * 3, ((List<?>) polygons.get(0).get("points")).size(), "dr.li's circle is the PTV on that plane");
    }

    /**
     * The edit of a contour.edited event on the given ROI, as the client received it; an earlier await (the
     * ack of the client's own op) may have passed over it, and such frames are kept in its events.
     */
    private static JsonNode editOf(LiveClient client, int roi) {
        java.util.function.Predicate<JsonNode> match = f -> f.path("type").asText().equals("event")
                && f.path("event").path("type").asText().equals("contour.edited")
                && f.path("event").path("data").path("edit").path("roiNumber").asInt() == roi;
        JsonNode seen = client.events().stream().filter(match).findFirst()
                .orElseGet(() -> client.await(match, Duration.ofSeconds(30)));
        return seen.path("event").path("data").path("edit");
    }

    /** An add of a 64-point circle of radius r around (cx, cy) on plane z. */
    private static Map<String, Object> circle(int roi, double cx, double cy, double z, double r) {
        List<List<Double>> points = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            double t = 2 * Math.PI * i / 64;
            points.add(List.of(cx + r * Math.cos(t), cy + r * Math.sin(t), z));
        }
        return Map.of("action", "add", "roiNumber", roi, "plane", Map.of("z", z), "points", points);
    }

    private static void awaitReview(String id) throws InterruptedException {
        String state = null;
        for (int i = 0; i < 300; i++) {
            state = given().auth().oauth2(Tokens.of("cx.rt")).get(url(b, "/api/rt/submissions/" + id)).then()
                    .statusCode(200).extract().path("state");
            if (state.equals("AWAITING_REVIEW")) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("submission " + id + " stayed " + state);
    }
}
