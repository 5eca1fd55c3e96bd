package org.consilium.live;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.consilium.bench.StageHistogram;
import org.consilium.localstack.ConsiliumTestResource;
import org.consilium.localstack.Tokens;
import org.junit.jupiter.api.Test;

/** The live protocol end to end: order, replay, leases, idempotency, bad input, ephemera. */
@QuarkusTest
@WithTestResource(ConsiliumTestResource.class)
class LiveProtocolTest {

    static final String SOP = "1.2.826.0.1.3680043.10.1234.1.1";

    @TestHTTPResource("/")
    URI base;
    @Inject
    Rooms rooms;
    @Inject
    RoomLog log;
    @Inject
    com.fasterxml.jackson.databind.ObjectMapper json;

    UUID room(String... admissions) {
        UUID id = rooms.open(RoomKind.CONSULT_SESSION, UUID.randomUUID(), "MDT");
        for (String a : admissions) {
            String[] p = a.split(":");
            rooms.admit(id, LiveRoomsTest.userId(p[0]), p[0], p[1]);
        }
        return id;
    }

    static Map<String, Object> op(String op, String opId, Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("v", 1);
        m.put("op", op);
        m.put("opId", opId);
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    static Map<String, Object> line(double x0, double y0, double x1, double y1) {
        return Map.of("kind", "line", "ref", Map.of("sopInstanceUid", SOP, "frame", 1, "pixelSpacing", List.of(0.5, 0.5)),
                "points", List.of(List.of(x0, y0), List.of(x1, y1)));
    }

    @Test
    void threeClientsSeeEveryEventInTheSameOrder() throws Exception {
        UUID id = room("dr.li:chair", "dr.zhao:specialist", "dr.sun:specialist");
        List<LiveClient> clients = List.of(LiveClient.join(base, "dr.li", id, null),
                LiveClient.join(base, "dr.zhao", id, null), LiveClient.join(base, "dr.sun", id, null));
        try {
            long start = Rounds.start(clients);
            long head = Rounds.sendConcurrently(clients, 15);
            Rounds.assertSameGaplessOrder(clients, start, head, 45);
        } finally {
            clients.forEach(LiveClient::close);
        }
    }

    @Test
    void aSocketJoiningWithLastSeqZeroReplaysTheLogAndThenHasItsOpsAnswered() {
        UUID id = room("dr.li:chair", "dr.zhao:specialist");
        try (LiveClient zhao = LiveClient.join(base, "dr.zhao", id, null)) {
            zhao.await("welcome");
            zhao.send(op("chat", "before-1", "text", "在先"));
            zhao.answer("before-1");
        }
        try (LiveClient li = LiveClient.join(base, "dr.li", id, 0L)) { // as the browser app joins
            li.await("welcome");
            li.send(op("chat", "after-1", "text", "请看第 49 层"));
            JsonNode answer = li.answer("after-1");
            assertEquals("ack", answer.path("type").asText(), answer.toString());
            li.awaitSeq(answer.path("seq").asLong());
        }
    }

    @Test
    void everyStageOfAnEventsWayIsTimedInTheMetrics() throws Exception {
        UUID id = room("dr.li:chair", "dr.zhao:specialist");
        List<String> names = List.of("queue", "connection", "statements", "commit", "fanout", "send");
        try (LiveClient li = LiveClient.join(base, "dr.li", id, null);
             LiveClient zhao = LiveClient.join(base, "dr.zhao", id, null)) {
            li.await("welcome");
            zhao.await("welcome");
            StageHistogram before = stages();
            li.send(op("chat", "timed-1", "text", "计时")); // appended in one statement
            li.send(op("vote", "timed-2", "question", "手术?", "choice", "yes")); // in a transaction: the commit stage
            li.answer("timed-1");
            long seq = li.answer("timed-2").path("seq").asLong();
            zhao.awaitSeq(seq);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            StageHistogram window = stages().minus(before);
            while (!allTimed(window, names) && System.nanoTime() < deadline) {
                Thread.sleep(50); // a write's completion is recorded just after the frame left
                window = stages().minus(before);
            }
            for (String s : names) {
                assertTrue(window.count(s) > 0, "stage " + s + " was not timed: " + window);
            }
        }
    }

    private static boolean allTimed(StageHistogram window, List<String> names) {
        return names.stream().allMatch(s -> window.count(s) > 0);
    }

    /** The stage timers ({@code consilium_live_stage_seconds}) from the Prometheus scrape. */
    private static StageHistogram stages() {
        return StageHistogram.parse(given().get("/q/metrics").then().statusCode(200).extract().asString());
    }

    @Test
    void opsSentBackToBackAreAppliedInTheOrderSent() {
        UUID id = room("dr.li:chair");
        LiveClient c = LiveClient.join(base, "dr.li", id, null);
        try {
            c.await("welcome");
            int n = 25; // within the burst of a fresh socket
            for (int i = 0; i < n; i++) { // no waiting for acks: persistent ops queue behind each other
                c.send(i % 2 == 0 ? op("chat", "burst-" + i, "text", "第" + i + "条")
                        : op("annotation.create", "burst-" + i, "annotation", line(i, i, i + 5, i)));
            }
            long previous = 0;
            for (int i = 0; i < n; i++) {
                JsonNode ack = c.answer("burst-" + i);
                assertEquals("ack", ack.path("type").asText(), ack.toString());
                assertTrue(ack.path("seq").asLong() > previous, "op " + i + " applied out of order: " + ack);
                previous = ack.path("seq").asLong();
            }
        } finally {
            c.close();
        }
    }

    @Test
    void reconnectWithLastSeqReplaysExactlyWhatWasMissed() {
        UUID id = room("dr.li:chair", "dr.zhao:specialist");
        try (LiveClient li = LiveClient.join(base, "dr.li", id, null)) {
            li.await("welcome");
            long last;
            try (LiveClient zhao = LiveClient.join(base, "dr.zhao", id, null)) {
                zhao.await("welcome");
                zhao.send(op("chat", "z-1", "text", "before"));
                last = zhao.answer("z-1").path("seq").asLong();
                zhao.awaitSeq(last);
            }
            for (int i = 0; i < 25; i++) {
                li.send(i % 2 == 0 ? op("chat", "l-" + i, "text", "missed " + i)
                        : op("annotation.create", "l-" + i, "annotation", line(1, 2, 3 + i, 4)));
                li.answer("l-" + i);
            }
            try (LiveClient zhao = LiveClient.join(base, "dr.zhao", id, last)) {
                JsonNode welcome = zhao.await("welcome");
                assertEquals(last, welcome.path("replayFrom").asLong());
                assertFalse(welcome.has("snapshot"));
                zhao.send(op("chat", "z-2", "text", "back"));
                long back = zhao.answer("z-2").path("seq").asLong();
                zhao.awaitSeq(back);
                List<Long> got = zhao.events().stream().map(e -> e.path("seq").asLong()).toList();
                assertEquals(LongStream.rangeClosed(last + 1, back).boxed().toList(), got);
                List<String> rest = given().auth().oauth2(Tokens.of("dr.zhao")).queryParam("after", last)
                        .get("/api/live/rooms/{id}/events", id).then().statusCode(200).extract().jsonPath()
                        .getList("event.opId", String.class);
                List<String> replayed = zhao.events().stream().map(e -> e.path("event").path("opId").asText(null)).toList();
                assertEquals(rest.subList(0, replayed.size()), replayed);
                assertTrue(replayed.contains("l-24"));
            }
        }
    }

    @Test
    void leaseConflictIsAnsweredWithTheHolder() {
        UUID id = room("dr.li:chair", "dr.zhao:specialist");
        Map<String, Object> polygon = Map.of("action", "add", "roiNumber", 3, "plane", Map.of("sopInstanceUid", SOP),
                "points", List.of(List.of(0, 0, 10), List.of(10, 0, 10), List.of(10, 10, 10)));
        try (LiveClient li = LiveClient.join(base, "dr.li", id, null);
             LiveClient zhao = LiveClient.join(base, "dr.zhao", id, null)) {
            li.await("welcome");
            zhao.await("welcome");
            zhao.send(op("contour.edit", "z-0", "edit", polygon));
            assertEquals("lease-required", zhao.answer("z-0").path("code").asText());
            li.send(op("lease.acquire", "l-1", "target", "roi:3"));
            JsonNode granted = li.answer("l-1");
            assertEquals("ack", granted.path("type").asText(), granted.toString());
            assertTrue(granted.has("expiresAt"));
            zhao.send(op("lease.acquire", "z-1", "target", "roi:3"));
            JsonNode refused = zhao.answer("z-1");
            assertEquals("lease-held", refused.path("code").asText(), refused.toString());
            assertEquals(LiveRoomsTest.userId("dr.li"), refused.path("holder").path("userId").asText());
            zhao.send(op("contour.edit", "z-2", "edit", polygon));
            assertEquals("lease-held", zhao.answer("z-2").path("code").asText());
            li.send(op("contour.edit", "l-2", "edit", polygon));
            JsonNode edited = li.answer("l-2");
            assertEquals("ack", edited.path("type").asText(), edited.toString());
            String polygonId = edited.path("polygonId").asText();
            li.close(); // disconnect releases the lease
            JsonNode released = zhao.await(f -> f.path("event").path("type").asText().equals("lease.released"),
                    Duration.ofSeconds(20));
            assertEquals("disconnect", released.path("event").path("data").path("reason").asText());
            zhao.send(op("lease.acquire", "z-3", "target", "roi:3"));
            assertEquals("ack", zhao.answer("z-3").path("type").asText());
            zhao.send(op("contour.edit", "z-4", "edit", Map.of("action", "replace", "roiNumber", 3,
                    "polygonId", polygonId, "plane", Map.of("z", 12.5),
                    "points", List.of(List.of(0, 0, 12.5), List.of(5, 0, 12.5), List.of(5, 5, 12.5)))));
            assertEquals("ack", zhao.answer("z-4").path("type").asText());
        }
        JsonNode snap = given().auth().oauth2(Tokens.of("dr.zhao")).get("/api/live/rooms/{id}/snapshot", id)
                .then().statusCode(200).extract().as(JsonNode.class);
        assertEquals(1, snap.path("contours").size());
        assertEquals(12.5, snap.path("contours").get(0).path("plane").path("z").asDouble());
    }

    @Test
    void opIdIsAcknowledgedOnceAndAppliedOnce() {
        UUID id = room("dr.li:chair");
        try (LiveClient li = LiveClient.join(base, "dr.li", id, null)) {
            li.await("welcome");
            Map<String, Object> create = op("annotation.create", "same", "annotation",
                    Map.of("kind", "ellipse", "ref", Map.of("sopInstanceUid", SOP, "frame", 2),
                            "points", List.of(List.of(10, 10), List.of(30, 20)),
                            "stats", Map.of("mean", 42.5, "stdDev", 3.1, "min", 20, "max", 60)));
            li.send(create);
            JsonNode first = li.answer("same");
            li.send(create);
            JsonNode second = li.answer("same");
            assertFalse(first.path("duplicate").asBoolean());
            assertTrue(second.path("duplicate").asBoolean());
            assertEquals(first.path("seq").asLong(), second.path("seq").asLong());
        }
        JsonNode snap = given().auth().oauth2(Tokens.of("dr.li")).get("/api/live/rooms/{id}/snapshot", id)
                .then().statusCode(200).extract().as(JsonNode.class);
        assertEquals(1, snap.path("annotations").size());
        JsonNode ellipse = snap.path("annotations").get(0);
        assertEquals(Math.PI * 10 * 5, ellipse.path("measurement").path("area").asDouble(), 1e-9);
        assertEquals(42.5, ellipse.path("stats").path("mean").asDouble());
    }

    @Test
    void repeatedAndRefusedCreatesUseNoSeq() {
        UUID id = room("dr.li:chair");
        try (LiveClient li = LiveClient.join(base, "dr.li", id, null)) {
            li.await("welcome");
            Map<String, Object> annotation = new LinkedHashMap<>(line(1, 1, 5, 5));
            annotation.put("id", UUID.randomUUID().toString());
            li.send(op("annotation.create", "c-1", "annotation", annotation));
            long created = li.answer("c-1").path("seq").asLong();
            li.send(op("annotation.create", "c-1", "annotation", annotation));
            JsonNode again = li.answer("c-1");
            assertTrue(again.path("duplicate").asBoolean(), again.toString());
            assertEquals(created, again.path("seq").asLong());
            li.send(op("annotation.create", "c-2", "annotation", annotation)); // the same annotation id again
            JsonNode refused = li.answer("c-2");
            assertEquals("error", refused.path("type").asText(), refused.toString());
            assertEquals("conflict", refused.path("code").asText());
            li.send(op("chat", "c-3", "text", "下一条"));
            assertEquals(created + 1, li.answer("c-3").path("seq").asLong(), "neither the repeat nor the refusal used a seq");
            assertEquals(created + 1, log.head(id));
        }
        JsonNode snap = given().auth().oauth2(Tokens.of("dr.li")).get("/api/live/rooms/{id}/snapshot", id)
                .then().statusCode(200).extract().as(JsonNode.class);
        assertEquals(1, snap.path("annotations").size());
    }

    @Test
    void annotationsCarryTheirMeasurementsAndNeedALeaseToChange() {
        UUID id = room("dr.li:chair", "dr.zhou:specialist");
        try (LiveClient li = LiveClient.join(base, "dr.li", id, null);
             LiveClient zhou = LiveClient.join(base, "dr.zhou", id, null)) {
            li.await("welcome");
            zhou.await("welcome");
            li.send(op("annotation.create", "a1", "annotation", line(0, 0, 30, 40)));
            String annotationId = li.answer("a1").path("annotationId").asText();
            JsonNode created = zhou.await(f -> f.path("event").path("type").asText().equals("annotation.created"),
                    Duration.ofSeconds(10));
            assertEquals(25.0, created.path("event").path("data").path("annotation").path("measurement").path("length").asDouble());
            assertEquals("mm", created.path("event").path("data").path("annotation").path("measurement").path("unit").asText());
            li.send(op("annotation.create", "a2", "annotation", Map.of("kind", "angle",
                    "ref", Map.of("sopInstanceUid", SOP), "points", List.of(List.of(10, 0), List.of(0, 0), List.of(0, 10)))));
            assertEquals("ack", li.answer("a2").path("type").asText());
            li.send(op("annotation.create", "a3", "annotation", Map.of("kind", "text", "text", "可疑结节 / nodule",
                    "ref", Map.of("sopInstanceUid", SOP), "points", List.of(List.of(5, 5)),
                    "patientPoints", List.of(List.of(-12.5, 30.0, 101.25)))));
            assertEquals("ack", li.answer("a3").path("type").asText());
            zhou.send(op("annotation.delete", "z1", "annotationId", annotationId));
            assertEquals("lease-required", zhou.answer("z1").path("code").asText());
            zhou.send(op("lease.acquire", "z2", "target", "annotation:" + annotationId));
            zhou.answer("z2");
            li.send(op("annotation.update", "a4", "annotation", Map.of("id", annotationId, "kind", "line",
                    "ref", Map.of("sopInstanceUid", SOP), "points", List.of(List.of(0, 0), List.of(3, 4)))));
            assertEquals("lease-held", li.answer("a4").path("code").asText());
            zhou.send(op("annotation.update", "z3", "annotation", Map.of("id", annotationId, "kind", "line",
                    "ref", Map.of("sopInstanceUid", SOP), "points", List.of(List.of(0, 0), List.of(3, 4)))));
            assertEquals("ack", zhou.answer("z3").path("type").asText());
        }
        JsonNode snap = given().auth().oauth2(Tokens.of("dr.li")).get("/api/live/rooms/{id}/snapshot", id)
                .then().statusCode(200).extract().as(JsonNode.class);
        Map<String, JsonNode> byKind = new HashMap<>();
        snap.path("annotations").forEach(a -> byKind.put(a.path("kind").asText(), a));
        assertEquals(5.0, byKind.get("line").path("measurement").path("length").asDouble());
        assertEquals("px", byKind.get("line").path("measurement").path("unit").asText());
        assertEquals(90.0, byKind.get("angle").path("measurement").path("degrees").asDouble(), 1e-9);
        assertEquals(101.25, byKind.get("text").path("patientPoints").get(0).get(2).asDouble());
    }

    @Test
    void votesFollowMeAndEphemeralCursors() {
        UUID id = room("dr.li:chair", "dr.zhao:specialist", "cx.doctor:observer");
        try (LiveClient li = LiveClient.join(base, "dr.li", id, null);
             LiveClient zhao = LiveClient.join(base, "dr.zhao", id, null);
             LiveClient cx = LiveClient.join(base, "cx.doctor", id, null)) {
            li.await("welcome");
            zhao.await("welcome");
            cx.await("welcome");
            Map<String, Object> vp = Map.of("studyUid", "1.2.3", "seriesUid", "1.2.3.4", "sopInstanceUid", SOP,
                    "slice", 42, "window", Map.of("center", 40, "width", 400), "zoom", 1.5, "pan", List.of(10, -5));
            zhao.send(op("follow.start", "z1", "viewport", vp));
            assertEquals("forbidden", zhao.answer("z1").path("code").asText());
            li.send(op("follow.start", "l1", "viewport", vp));
            assertEquals("ack", li.answer("l1").path("type").asText());
            li.send(op("viewport", "l2", "settled", true, "viewport", Map.of("sopInstanceUid", SOP, "slice", 43)));
            assertEquals("ack", li.answer("l2").path("type").asText());
            zhao.send(op("vote", "z2", "question", "手术? / surgery?", "choice", "yes", "opinion", "R0 resection feasible"));
            assertEquals("ack", zhao.answer("z2").path("type").asText());
            cx.send(op("vote", "c1", "question", "手术? / surgery?", "choice", "no"));
            assertEquals("forbidden", cx.answer("c1").path("code").asText());
            cx.send(op("chat", "c2", "text", "谢谢 / thanks"));
            assertEquals("ack", cx.answer("c2").path("type").asText());
            li.send(Map.of("v", 1, "op", "cursor", "x", 100.5, "y", 200, "sopInstanceUid", SOP));
            JsonNode eph = zhao.await(f -> f.path("type").asText().equals("ephemeral")
                    && f.path("items").findValuesAsText("kind").contains("cursor"), Duration.ofSeconds(10));
            assertEquals(100.5, eph.path("items").get(0).path("state").path("x").asDouble());
            li.send(Map.of("v", 1, "op", "viewport", "viewport", Map.of("slice", 44, "zoom", 2)));
            zhao.await(f -> f.path("type").asText().equals("ephemeral")
                    && f.path("items").findValuesAsText("kind").contains("viewport"), Duration.ofSeconds(10));
        }
        JsonNode snap = given().auth().oauth2(Tokens.of("dr.li")).get("/api/live/rooms/{id}/snapshot", id)
                .then().statusCode(200).extract().as(JsonNode.class);
        assertEquals(LiveRoomsTest.userId("dr.li"), snap.path("follow").path("userId").asText());
        assertEquals(43, snap.path("follow").path("viewport").path("slice").asInt());
        assertEquals(1, snap.path("votes").size());
        List<String> types = given().auth().oauth2(Tokens.of("dr.li")).get("/api/live/rooms/{id}/events", id)
                .then().statusCode(200).extract().jsonPath().getList("event.type", String.class);
        assertFalse(types.stream().anyMatch(t -> t.contains("cursor")), types.toString());
        assertTrue(types.containsAll(List.of("follow.started", "viewport.set", "vote.cast", "chat")), types.toString());
    }

    @Test
    void badInputGetsCodedErrorsAndNeverBreaksTheRoom() throws Exception {
        UUID id = room("dr.li:chair", "dr.zhao:specialist");
        try (LiveClient li = LiveClient.join(base, "dr.li", id, null);
             LiveClient zhao = LiveClient.join(base, "dr.zhao", id, null)) {
            li.await("welcome");
            zhao.await("welcome");
            li.send(op("annotation.create", "ok-1", "annotation", line(1, 1, 2, 2)));
            assertEquals("ack", li.answer("ok-1").path("type").asText());
            Map<String, String> expected = new LinkedHashMap<>();
            expected.put("{", "malformed");
            expected.put("[1,2]", "malformed");
            expected.put("{\"v\":2,\"op\":\"chat\",\"opId\":\"x\",\"text\":\"hi\"}", "unsupported-version");
            expected.put("{\"v\":1,\"op\":\"drop.tables\",\"opId\":\"x\"}", "unknown-op");
            expected.put("{\"v\":1,\"op\":\"chat\",\"text\":\"no op id\"}", "invalid");
            expected.put("{\"v\":1,\"op\":\"chat\",\"opId\":\"e1\",\"text\":\"" + "长".repeat(30_000) + "\"}", "too-large");
            expected.put("{\"v\":1,\"op\":\"annotation.create\",\"opId\":\"e2\",\"annotation\":{\"kind\":\"line\","
                    + "\"ref\":{\"sopInstanceUid\":\"1.2.x\"},\"points\":[[0,0],[1,1]]}}", "invalid");
            expected.put("{\"v\":1,\"op\":\"annotation.create\",\"opId\":\"e3\",\"annotation\":{\"kind\":\"polygon\","
                    + "\"ref\":{\"sopInstanceUid\":\"1.2.3\"},\"points\":[[0,0],[1,\"a\"],[2,2]]}}", "invalid");
            expected.put("{\"v\":1,\"op\":\"lease.acquire\",\"opId\":\"e4\",\"target\":\"roi:0; drop\"}", "invalid");
            expected.put("{\"v\":1,\"op\":\"contour.edit\",\"opId\":\"e5\",\"edit\":{\"action\":\"delete\",\"roiNumber\":1,"
                    + "\"polygonId\":\"" + UUID.randomUUID() + "\"}}", "lease-required");
            expected.put("[".repeat(5000) + "]".repeat(5000), "malformed");
            for (Map.Entry<String, String> e : expected.entrySet()) {
                li.sendText(e.getKey());
                JsonNode err = li.await("error");
                assertEquals(e.getValue(), err.path("code").asText(), e.getKey().substring(0, Math.min(80, e.getKey().length())));
                Thread.sleep(220); // stay under the error-answer rate, so that each one is answered
            }
            // then a flood of mutated valid messages, without waiting for answers
            String valid = LiveClient.write(op("annotation.create", "m", "annotation", line(3, 4, 5, 6)));
            Random random = new Random(7);
            for (int i = 0; i < 400; i++) {
                char[] chars = valid.toCharArray();
                for (int k = 0; k < 1 + random.nextInt(4); k++) {
                    chars[random.nextInt(chars.length)] = (char) (random.nextInt(0x60) + 0x20);
                }
                li.sendText(new String(chars).replace("\"opId\":\"m\"", "\"opId\":\"m" + i + "\""));
            }
            Thread.sleep(1500);
            li.send(Map.of("v", 1, "op", "ping"));
            li.await("pong");
            li.send(op("chat", "after", "text", "still here"));
            JsonNode after = li.answer("after");
            assertEquals("ack", after.path("type").asText(), after.toString());
            zhao.awaitSeq(after.path("seq").asLong());
        }
        // the room's state is exactly what the log says: every stored annotation came from an acked create
        JsonNode snap = given().auth().oauth2(Tokens.of("dr.li")).get("/api/live/rooms/{id}/snapshot", id)
                .then().statusCode(200).extract().as(JsonNode.class);
        List<String> created = given().auth().oauth2(Tokens.of("dr.li")).queryParam("limit", 5000)
                .get("/api/live/rooms/{id}/events", id).then().statusCode(200).extract().jsonPath()
                .getList("findAll { it.event.type == 'annotation.created' }.event.data.annotation.id", String.class);
        Set<String> inSnapshot = new TreeSet<>(snap.path("annotations").findValuesAsText("id"));
        assertEquals(new TreeSet<>(created), inSnapshot);
        assertTrue(inSnapshot.size() >= 1);
        for (JsonNode a : snap.path("annotations")) {
            assertTrue(Annotations.UID.matcher(a.path("ref").path("sopInstanceUid").asText()).matches());
        }
    }

    @Test
    void floodIsRateLimitedAndOnlyAckedOpsAreApplied() {
        UUID id = room("dr.li:chair");
        try (LiveClient li = LiveClient.join(base, "dr.li", id, null)) {
            long start = li.await("welcome").path("seq").asLong();
            for (int i = 0; i < 120; i++) {
                li.send(op("chat", "f-" + i, "text", "flood " + i));
            }
            li.send(Map.of("v", 1, "op", "ping"));
            li.await("pong");
            List<String> chats = given().auth().oauth2(Tokens.of("dr.li")).queryParam("after", start)
                    .queryParam("limit", 5000).get("/api/live/rooms/{id}/events", id).then().statusCode(200)
                    .extract().jsonPath().getList("findAll { it.event.type == 'chat' }.event.opId", String.class);
            assertTrue(chats.size() < 120, "flood was not limited: " + chats.size());
            assertTrue(chats.size() >= 40, "burst allowance not honoured: " + chats.size());
        }
    }

    @Test
    void slowClientIsClosedWith4408AndResyncsBySeq() {
        UUID id = room("dr.li:chair", "dr.zhao:specialist");
        try (LiveClient zhao = LiveClient.join(base, "dr.zhao", id, null)) {
            long start = zhao.await("welcome").path("seq").asLong();
            zhao.pause();
            Actor li = new Actor(LiveRoomsTest.userId("dr.li"), "dr.li", "chair");
            String text = "长".repeat(3000);
            long head = 0;
            for (int i = 0; i < 3000 && !zhao.closeCode.isDone(); i++) {
                head = log.append(id, li, "big-" + i, "chat", json.createObjectNode().put("text", text), null).seq();
                if (i % 200 == 199) {
                    sleep(300);
                }
            }
            zhao.resume();
            assertEquals(4408, zhao.awaitClose());
            long last = zhao.events().isEmpty() ? start : zhao.events().getLast().path("seq").asLong();
            long end = head;
            try (LiveClient again = LiveClient.join(base, "dr.zhao", id, last)) {
                again.awaitSeq(end);
                List<Long> seqs = again.events().stream().map(e -> e.path("seq").asLong()).filter(s -> s <= end).toList();
                assertEquals(LongStream.rangeClosed(last + 1, end).boxed().toList(), seqs);
            }
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
