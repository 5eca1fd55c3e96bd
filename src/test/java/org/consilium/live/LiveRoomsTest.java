package org.consilium.live;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.consilium.localstack.ConsiliumTestResource;
import org.consilium.localstack.Tokens;
import org.junit.jupiter.api.Test;

/** Rooms, tickets and who may join: the part other capabilities build on. */
@QuarkusTest
@WithTestResource(ConsiliumTestResource.class)
class LiveRoomsTest {

    @TestHTTPResource("/")
    URI base;
    @Inject
    Rooms rooms;

    static String userId(String username) {
        return given().auth().oauth2(Tokens.of(username)).get("/api/me").then().statusCode(200).extract().path("id");
    }

    /** A fresh room with the given users admitted as role (username:role). */
    UUID room(Rooms rooms, String... admissions) {
        UUID id = rooms.open(RoomKind.CONSULT_SESSION, UUID.randomUUID(), "MDT 肺癌");
        for (String a : admissions) {
            String[] p = a.split(":");
            rooms.admit(id, userId(p[0]), p[0], p[1]);
        }
        return id;
    }

    @Test
    void openIsIdempotentOnKindAndRef() {
        UUID ref = UUID.randomUUID();
        UUID a = rooms.open(RoomKind.CONSULT_SESSION, ref, "one");
        UUID b = rooms.open(RoomKind.CONSULT_SESSION, ref, "one");
        UUID c = rooms.open(RoomKind.RT_REVIEW, ref, "other kind");
        assertEquals(a, b);
        assertFalse(a.equals(c));
    }

    @Test
    void participantJoinsAndSeesPresenceWithRole() {
        UUID id = room(rooms, "dr.li:chair", "dr.zhao:specialist");
        try (LiveClient li = LiveClient.join(base, "dr.li", id, null)) {
            JsonNode welcome = li.await("welcome");
            assertEquals("chair", welcome.path("you").path("role").asText());
            // the snapshot already shows the joiner itself
            assertEquals(List.of("chair"), welcome.path("snapshot").path("presence").findValuesAsText("role"));
            assertEquals(welcome.path("seq").asLong(), welcome.path("snapshot").path("seq").asLong());
            try (LiveClient zhao = LiveClient.join(base, "dr.zhao", id, null)) {
                zhao.await("welcome");
                JsonNode joined = li.await(f -> f.path("event").path("type").asText().equals("presence.joined"),
                        java.time.Duration.ofSeconds(10));
                assertEquals("specialist", joined.path("event").path("data").path("role").asText());
                assertEquals("dr.zhao", joined.path("event").path("actor").path("displayName").asText());
            }
            JsonNode left = li.await(f -> f.path("event").path("type").asText().equals("presence.left"),
                    java.time.Duration.ofSeconds(10));
            assertEquals(userId("dr.zhao"), left.path("event").path("data").path("userId").asText());
        }
        given().auth().oauth2(Tokens.of("platform.admin")).queryParam("target", "room:" + id).get("/api/audit")
                .then().statusCode(200).body("items.action", hasItem("live.join")).body("items.action", hasItem("live.leave"));
    }

    @Test
    void nonParticipantIsClosedWith4403AndAudited() {
        UUID id = room(rooms, "dr.li:chair");
        LiveClient fm = LiveClient.join(base, "fm.doctor", id, null);
        assertEquals(4403, fm.awaitClose());
        given().auth().oauth2(Tokens.of("platform.admin")).queryParam("target", "room:" + id)
                .queryParam("outcome", "DENIED").get("/api/audit")
                .then().statusCode(200).body("items.actor", hasItem("fm.doctor"));
    }

    @Test
    void ticketIsSingleUseAndBoundToItsRoom() {
        UUID id = room(rooms, "dr.li:chair");
        UUID other = room(rooms, "dr.li:chair");
        String path = given().auth().oauth2(Tokens.of("dr.li")).contentType("application/json")
                .body(Map.of("roomId", id.toString())).post("/api/live/tickets").then().statusCode(201)
                .extract().path("socketPath");
        String ticket = path.substring(path.indexOf("ticket=") + 7);
        assertEquals(4401, RawSocket.closeCode(base, "/api/live/rooms/" + other + "/socket?ticket=" + ticket));
        // the failed attempt spent it
        assertEquals(4401, RawSocket.closeCode(base, path));
        assertEquals(4401, RawSocket.closeCode(base, "/api/live/rooms/" + id + "/socket"));
        given().contentType("application/json").body("{}").post("/api/live/tickets").then().statusCode(401);
    }

    @Test
    void revokedParticipantIsClosedWith4403() {
        UUID id = room(rooms, "dr.li:chair", "dr.zhao:specialist");
        try (LiveClient zhao = LiveClient.join(base, "dr.zhao", id, null)) {
            zhao.await("welcome");
            rooms.revoke(id, userId("dr.zhao"));
            assertEquals(4403, zhao.awaitClose());
        }
        assertEquals(4403, LiveClient.join(base, "dr.zhao", id, null).awaitClose());
    }

    @Test
    void caseManagerManagesRoomsOverRestOthersCannot() {
        UUID ref = UUID.randomUUID();
        String id = given().auth().oauth2(Tokens.of("cm.wang")).contentType("application/json")
                .body(Map.of("kind", "CONSULT_SESSION", "refId", ref.toString(), "title", "胃癌 MDT"))
                .post("/api/live/rooms").then().statusCode(200).body("refId", equalTo(ref.toString())).extract().path("id");
        given().auth().oauth2(Tokens.of("cm.wang")).contentType("application/json")
                .body(Map.of("displayName", "李明", "role", "presenter"))
                .put("/api/live/rooms/{id}/participants/{u}", id, userId("dr.li")).then().statusCode(200)
                .body("participants.role", hasItem("presenter"));
        given().auth().oauth2(Tokens.of("dr.li")).contentType("application/json")
                .body(Map.of("kind", "CONSULT_SESSION", "refId", UUID.randomUUID().toString(), "title", "x"))
                .post("/api/live/rooms").then().statusCode(403);
        given().auth().oauth2(Tokens.of("dr.li")).get("/api/live/rooms/{id}", id).then().statusCode(200);
        given().auth().oauth2(Tokens.of("cx.doctor")).get("/api/live/rooms/{id}", id).then().statusCode(404);
        given().auth().oauth2(Tokens.of("cx.doctor")).get("/api/live/rooms/{id}/snapshot", id).then().statusCode(404);
        given().auth().oauth2(Tokens.of("cm.wang")).post("/api/live/rooms/{id}/close", id).then().statusCode(200)
                .body("closedAt", org.hamcrest.Matchers.notNullValue());
    }

    @Test
    void closingTheRoomClosesSocketsWith4410() {
        UUID id = room(rooms, "dr.li:chair");
        try (LiveClient li = LiveClient.join(base, "dr.li", id, null)) {
            li.await("welcome");
            rooms.close(id);
            assertEquals(4410, li.awaitClose());
        }
    }

    @Inject
    UserChannel users;

    @Test
    void userChannelPushReachesTheUsersSocket() {
        try (LiveClient me = LiveClient.join(base, "dr.wu", null, null)) {
            me.await("welcome");
            users.push(userId("dr.wu"), "consult.assigned", Map.of("consultId", "c-1", "title", "会诊 / consult"));
            JsonNode push = me.await("push");
            assertEquals("consult.assigned", push.path("kind").asText());
            assertEquals("会诊 / consult", push.path("payload").path("title").asText());
        }
    }

    @Inject
    RoomLog log;

    /** The seq bump and the event insert are one statement: concurrent retries of one op must still apply it once. */
    @Test
    void concurrentAppendsOfOneOpIdApplyItOnce() throws Exception {
        UUID id = room(rooms, "dr.li:chair");
        Actor li = new Actor(userId("dr.li"), "dr.li", "chair");
        long before = log.head(id);
        int n = 8;
        CountDownLatch start = new CountDownLatch(1);
        List<Future<RoomLog.Appended>> answers = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(n)) {
            for (int i = 0; i < n; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return log.append(id, li, "op-same", "chat", JsonNodeFactory.instance.objectNode().put("text", "一次"), null);
                }));
            }
            start.countDown();
            List<RoomLog.Appended> done = new ArrayList<>();
            for (Future<RoomLog.Appended> f : answers) {
                done.add(f.get(30, TimeUnit.SECONDS));
            }
            assertEquals(1, done.stream().filter(a -> !a.duplicate()).count(), "exactly one append applies the op");
            assertEquals(1, done.stream().map(RoomLog.Appended::seq).distinct().count(), "every retry answers its seq");
        }
        assertEquals(before + 1, log.head(id), "the duplicates' seq bumps were rolled back");
        List<RoomLog.Stored> events = log.after(id, before, 100);
        assertEquals(1, events.size());
        assertEquals("chat", events.get(0).type());
    }

    @Test
    void appendToAClosedRoomIsRefused() {
        UUID id = room(rooms, "dr.li:chair");
        rooms.close(id);
        LiveError e = assertThrows(LiveError.class, () -> log.append(id, Actor.SYSTEM, null, "chat",
                JsonNodeFactory.instance.objectNode(), null));
        assertEquals("room-closed", e.code());
    }

    @Inject
    RoomHub hub;
    @Inject
    javax.sql.DataSource dataSource;

    /**
     * The hub fans out from memory only while the seqs follow on: told of n+2 while n+1 is missing (another
     * replica's NOTIFY overtaking, or a lost one), it must read the log, on another thread, and deliver
     * n+1 before n+2.
     */
    @Test
    void anEventToldOutOfTurnIsDeliveredAfterTheOneBeforeItFromTheLog() throws Exception {
        UUID id = room(rooms, "dr.li:chair");
        try (LiveClient li = LiveClient.join(base, "dr.li", id, null)) {
            li.await("welcome");
            Thread.sleep(200); // the join's own events, if any, are in the log by now
            long head = log.head(id);
            String first = "{\"type\":\"chat\",\"data\":{\"text\":\"一\"}}";
            String second = "{\"type\":\"chat\",\"data\":{\"text\":\"二\"}}";
            try (java.sql.Connection c = dataSource.getConnection();
                 java.sql.PreparedStatement bump = c.prepareStatement("update live_room set last_seq = ? where id = ?");
                 java.sql.PreparedStatement insert = c.prepareStatement("insert into live_event "
                         + "(room_id, seq, type, actor_id, op_id, body) values (?, ?, 'chat', 'system', null, ?::jsonb)")) {
                bump.setLong(1, head + 2);
                bump.setObject(2, id);
                bump.executeUpdate();
                List<String> bodies = List.of(first, second);
                for (int i = 0; i < bodies.size(); i++) {
                    insert.setObject(1, id);
                    insert.setLong(2, head + 1 + i);
                    insert.setString(3, bodies.get(i));
                    insert.executeUpdate();
                }
            }
            hub.committed(id, new RoomLog.Stored(head + 2, "chat", second)); // n+1 never told
            li.awaitSeq(head + 2);
            List<JsonNode> events = li.events().stream()
                    .filter(e -> e.path("type").asText().equals("event") && e.path("seq").asLong() > head).toList();
            assertEquals(List.of(head + 1, head + 2), events.stream().map(e -> e.path("seq").asLong()).toList());
            assertEquals("一", events.get(0).path("event").path("data").path("text").asText());
        }
    }

    static List<String> types(List<JsonNode> events) {
        return events.stream().map(e -> e.path("event").path("type").asText()).toList();
    }
}
