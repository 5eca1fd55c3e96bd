package org.consilium.live;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.LongStream;
import org.consilium.localstack.ConsiliumTestResource;
import org.consilium.localstack.Stack;
import org.consilium.localstack.ServerProcess;
import org.consilium.localstack.Tokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Two replicas of the packaged server, each in its own JVM with its own LISTEN connection and socket
 * server, against one PostgreSQL and one Keycloak: what production runs behind a load balancer without
 * sticky sessions. (A second websockets-next server cannot live inside one Quarkus test, and separate
 * processes also prove that nothing is shared but the database.)
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LiveReplicasIT {

    static Stack stack;
    static ServerProcess a;
    static ServerProcess b;

    @BeforeAll
    static void start() throws Exception {
        stack = ConsiliumTestResource.stack();
        a = replica(stack, "it-a");
        b = replica(stack, "it-b");
    }

    /** A packaged server named {@code id} on free ports; replicas of a dead one leave after 6 s. */
    static ServerProcess replica(Stack stack, String id) throws Exception {
        Map<String, String> env = Map.of("CONSILIUM_REPLICA_ID", id, "CONSILIUM_LIVE_REPLICA_TIMEOUT", "6s",
                "CONSILIUM_DIMSE_PORT", Integer.toString(freePort()));
        return ServerProcess.start(stack, freePort(), "512m", env, stack.dataDir().resolve("logs/" + id + ".log"))
                .awaitReady();
    }

    static int freePort() throws java.io.IOException {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    static java.net.URI base(ServerProcess server) {
        return java.net.URI.create(server.baseUrl() + "/");
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

    static String userId(String username) {
        return given().auth().oauth2(Tokens.of(username)).get(base(a).resolve("/api/me"))
                .then().statusCode(200).extract().path("id");
    }

    /** A room opened over REST on replica A by the case manager, with the users admitted. */
    static UUID room(String... admissions) {
        String id = given().auth().oauth2(Tokens.of("cm.wang")).contentType("application/json")
                .body(Map.of("kind", "CONSULT_SESSION", "refId", UUID.randomUUID().toString(), "title", "跨副本 MDT"))
                .post(base(a).resolve("/api/live/rooms")).then().statusCode(200).extract().path("id");
        for (String adm : admissions) {
            String[] p = adm.split(":");
            given().auth().oauth2(Tokens.of("cm.wang")).contentType("application/json")
                    .body(Map.of("displayName", p[0], "role", p[1]))
                    .put(base(a).resolve("/api/live/rooms/" + id + "/participants/" + userId(p[0])))
                    .then().statusCode(200);
        }
        return UUID.fromString(id);
    }

    @Test
    @Order(0)
    void bothReplicasBeatWithinSecondsOfStarting() throws Exception {
        // a replica that does not beat is invisible to the others: they neither relay their cursors to it
        // nor count it alive (its first heartbeat used to come a minute after start-up)
        long deadline = System.currentTimeMillis() + 5_000;
        List<String> beating = List.of();
        while (beating.size() < 2 && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
            try (java.sql.Connection c = stack.postgres().superuserConnection();
                 java.sql.Statement s = c.createStatement();
                 java.sql.ResultSet rs = s.executeQuery("select id from live_replica where id in ('it-a', 'it-b')"
                         + " and seen_at > now() - interval '10 seconds' order by id")) {
                List<String> ids = new java.util.ArrayList<>();
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
                beating = ids;
            }
        }
        assertEquals(List.of("it-a", "it-b"), beating);
    }

    @Test
    @Order(1)
    void clientsOnTwoReplicasSeeEachOthersEventsInOrder() throws Exception {
        UUID id = room("dr.li:chair", "dr.zhao:specialist", "dr.sun:specialist");
        List<LiveClient> clients = List.of(LiveClient.join(base(a), "dr.li", id, null),
                LiveClient.join(base(b), "dr.zhao", id, null), LiveClient.join(base(b), "dr.sun", id, null));
        try {
            long start = Rounds.start(clients);
            long head = Rounds.sendConcurrently(clients, 20);
            Rounds.assertSameGaplessOrder(clients, start, head, 60);

            // ephemeral cursors cross replicas through the NOTIFY payload
            clients.get(0).send(Map.of("v", 1, "op", "cursor", "x", 7, "y", 9));
            JsonNode eph = clients.get(1).await(f -> f.path("type").asText().equals("ephemeral"), Duration.ofSeconds(20));
            assertEquals(7.0, eph.path("items").get(0).path("state").path("x").asDouble());

            // an event too large for a NOTIFY (3,000 characters, 9,000 bytes in UTF-8) travels as its seq
            // alone and is read back by seq; the small one after it travels whole; both arrive, in order
            String big = "肺".repeat(3000);
            clients.get(0).send(LiveProtocolTest.op("chat", "big", "text", big));
            long bigSeq = clients.get(0).answer("big").path("seq").asLong();
            clients.get(0).send(LiveProtocolTest.op("chat", "small", "text", "小"));
            long smallSeq = clients.get(0).answer("small").path("seq").asLong();
            assertEquals(bigSeq + 1, smallSeq);
            clients.get(1).awaitSeq(smallSeq);
            List<JsonNode> seen = clients.get(1).events().stream()
                    .filter(e -> e.path("seq").asLong() >= bigSeq).toList();
            assertEquals(List.of(bigSeq, smallSeq), seen.stream().map(e -> e.path("seq").asLong()).toList());
            assertEquals(big, seen.get(0).path("event").path("data").path("text").asText());
            assertEquals("小", seen.get(1).path("event").path("data").path("text").asText());
        } finally {
            clients.forEach(LiveClient::close);
        }
    }

    @Test
    @Order(2)
    void leaseHeldThroughOneReplicaIsRefusedThroughTheOther() {
        UUID id = room("dr.li:chair", "dr.zhao:specialist");
        try (LiveClient li = LiveClient.join(base(a), "dr.li", id, null);
             LiveClient zhao = LiveClient.join(base(b), "dr.zhao", id, 0L)) {
            li.await("welcome");
            zhao.await("welcome");
            li.send(LiveProtocolTest.op("lease.acquire", "l1", "target", "roi:1"));
            assertEquals("ack", li.answer("l1").path("type").asText());
            zhao.send(LiveProtocolTest.op("lease.acquire", "z1", "target", "roi:1"));
            JsonNode refused = zhao.answer("z1");
            assertEquals("lease-held", refused.path("code").asText());
            assertEquals("dr.li", refused.path("holder").path("displayName").asText());
        }
    }

    @Test
    @Order(3)
    void reconnectingToTheOtherReplicaReplaysExactly() {
        UUID id = room("dr.li:chair", "dr.zhao:specialist");
        try (LiveClient li = LiveClient.join(base(a), "dr.li", id, null)) {
            li.await("welcome");
            long last;
            try (LiveClient zhao = LiveClient.join(base(a), "dr.zhao", id, null)) {
                zhao.await("welcome");
                zhao.send(LiveProtocolTest.op("chat", "z0", "text", "on A"));
                last = zhao.answer("z0").path("seq").asLong();
                zhao.awaitSeq(last);
            }
            for (int i = 0; i < 10; i++) {
                li.send(LiveProtocolTest.op("chat", "l" + i, "text", "while away " + i));
                li.answer("l" + i);
            }
            try (LiveClient zhao = LiveClient.join(base(b), "dr.zhao", id, last)) {
                zhao.await("welcome");
                zhao.send(LiveProtocolTest.op("chat", "z1", "text", "back on B"));
                long back = zhao.answer("z1").path("seq").asLong();
                zhao.awaitSeq(back);
                assertEquals(LongStream.rangeClosed(last + 1, back).boxed().toList(),
                        zhao.events().stream().map(e -> e.path("seq").asLong()).toList());
            }
        }
    }

    @Test
    @Order(4)
    void socketsOfAReplicaThatDiesLeaveTheRoomAndFreeTheirLeases() throws Exception {
        UUID id = room("dr.li:chair", "dr.zhao:specialist");
        try (LiveClient li = LiveClient.join(base(a), "dr.li", id, null)) {
            li.await("welcome");
            LiveClient zhao = LiveClient.join(base(b), "dr.zhao", id, null);
            zhao.await("welcome");
            zhao.send(LiveProtocolTest.op("lease.acquire", "z1", "target", "roi:2"));
            assertEquals("ack", zhao.answer("z1").path("type").asText());
            b.kill();
            JsonNode left = li.await(f -> f.path("event").path("type").asText().equals("presence.left"),
                    Duration.ofSeconds(60));
            assertEquals("replica gone", left.path("event").path("data").path("reason").asText());
            li.send(LiveProtocolTest.op("lease.acquire", "l1", "target", "roi:2"));
            assertEquals("ack", li.answer("l1").path("type").asText());
            assertTrue(zhao.awaitClose() != 0);
        }
    }
}
