package org.consilium.live;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.consilium.archive.web.DicomWebTest;
import org.consilium.bench.SyntheticCtStudy;
import org.consilium.dicom.data.Attributes;
import org.consilium.dicom.dict.Tag;
import org.consilium.localstack.ConsiliumTestResource;
import org.consilium.localstack.LocalS3;
import org.consilium.localstack.ServerProcess;
import org.consilium.localstack.SlowLink;
import org.consilium.localstack.Stack;
import org.consilium.localstack.Storescu;
import org.consilium.localstack.Tokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Production's shape: two packaged servers, each with its own scratch directory, sharing one PostgreSQL and
 * one S3 store (S3Proxy) and nothing else. What one replica stores the other serves; a replica killed with
 * SIGKILL mid-ingest and mid-room loses no acknowledged instance and no persisted room event, and its
 * clients go on at the other replica.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReplicaFaultsIT {

    static Stack stack;
    static Path work;
    static ServerProcess a;
    static ServerProcess b;
    static final Map<ServerProcess, Integer> DIMSE = new HashMap<>();

    @BeforeAll
    static void start() throws Exception {
        stack = ConsiliumTestResource.stack();
        work = Files.createTempDirectory("replica-faults-it");
        a = replica("fault-a");
        b = replica("fault-b");
    }

    /** A packaged server on the shared S3 store, with its own ports and scratch directory. */
    static ServerProcess replica(String id) throws Exception {
        int dimse = freePort();
        Map<String, String> env = new HashMap<>(Map.of("CONSILIUM_REPLICA_ID", id,
                "CONSILIUM_LIVE_REPLICA_TIMEOUT", "6s",
                "CONSILIUM_DIMSE_PORT", Integer.toString(dimse),
                "CONSILIUM_DATA_DIR", work.resolve(id).toString(),
                "CONSILIUM_BLOB_STORE", "s3",
                "CONSILIUM_S3_ENDPOINT", LocalS3.shared().endpoint().toString(),
                "CONSILIUM_S3_BUCKET", "replica-faults",
                "CONSILIUM_S3_ACCESS_KEY", LocalS3.ACCESS_KEY,
                "CONSILIUM_S3_SECRET_KEY", LocalS3.SECRET_KEY));
        env.put("CONSILIUM_ARCHIVE_BLOB_STORE_S3_CREATE_BUCKET", "true");
        ServerProcess server = ServerProcess.start(stack, freePort(), "512m", env, work.resolve(id + ".log")).awaitReady();
        DIMSE.put(server, dimse);
        return server;
    }

    @AfterAll
    static void stop() throws Exception {
        for (ServerProcess s : List.of(a, b)) {
            if (s != null) {
                s.close();
            }
        }
    }

    @Test
    @Order(1)
    void anInstanceStoredThroughOneReplicaIsServedByteForByteByTheOther() throws Exception {
        Path study = study("one", 1);
        Path file = files(study).get(0);
        Storescu storescu = Storescu.start(DIMSE.get(a), study, 1, () -> { });
        assertTrue(storescu.process().waitFor(2, TimeUnit.MINUTES));
        assertEquals(0, storescu.process().exitValue(), storescu.transcript());

        Attributes h = DicomWebTest.header(file);
        byte[] served = given().baseUri(b.baseUrl()).auth().oauth2(Tokens.of("cx.rt"))
                .accept("multipart/related; type=\"application/dicom\"")
                .get("/dicomweb/studies/" + h.getString(Tag.StudyInstanceUID) + "/series/" + h.getString(Tag.SeriesInstanceUID)
                        + "/instances/" + h.getString(Tag.SOPInstanceUID))
                .then().statusCode(200).extract().asByteArray();
        byte[] sent = Files.readAllBytes(file);
        byte[] dataSetTail = Arrays.copyOfRange(sent, sent.length - 64 * 1024, sent.length);
        assertTrue(indexOf(served, dataSetTail) > 0, "replica B serves the bytes replica A received");
    }

    @Test
    @Order(2)
    void roomClientsOfAKilledReplicaResumeOnTheOtherWithEveryPersistedEvent() throws Exception {
        UUID room = room(b, "dr.li:chair", "dr.zhao:specialist");
        LiveClient li = LiveClient.join(base(a), "dr.li", room, null);
        LiveClient zhao = LiveClient.join(base(b), "dr.zhao", room, null);
        li.await("welcome");
        zhao.await("welcome");
        Set<Long> acknowledged = new TreeSet<>();
        for (int i = 0; i < 10; i++) {
            li.send(LiveProtocolTest.op("chat", "before-" + i, "text", "会诊意见 " + i));
            acknowledged.add(li.answer("before-" + i).path("seq").asLong());
        }
        long lastSeen = li.events().isEmpty() ? 0 : li.events().getLast().path("seq").asLong();
        for (int i = 0; i < 5; i++) {
            li.sendText(LiveClient.write(LiveProtocolTest.op("chat", "racing-" + i, "text", "在途 " + i)));
        }
        a.kill();
        assertTrue(li.awaitClose() != 1000, "the socket on the killed replica breaks");

        try (LiveClient back = LiveClient.join(base(b), "dr.li", room, lastSeen)) {
            back.await("welcome");
            back.send(LiveProtocolTest.op("chat", "after", "text", "在 B 上继续"));
            long after = back.answer("after").path("seq").asLong();
            back.awaitSeq(after);
            List<Long> replayed = back.events().stream().map(e -> e.path("seq").asLong()).toList();
            assertEquals(LongStream.rangeClosed(lastSeen + 1, after).boxed().toList(), replayed,
                    "resumed from its last seq: gapless, in order, nothing twice");
            zhao.awaitSeq(after);
            Set<Long> seenByZhao = new TreeSet<>(zhao.events().stream().map(e -> e.path("seq").asLong()).toList());
            assertTrue(seenByZhao.containsAll(acknowledged), "every acknowledged event reached the other replica's client");
            assertTrue(seenByZhao.contains(after));
        } finally {
            zhao.close();
        }
        a = replica("fault-a2");
    }

    @Test
    @Order(3)
    void killingAReplicaMidIngestLosesNoAcknowledgedInstanceAndTheSenderFinishesOnTheOther() throws Exception {
        Path study = study("kill", 40);
        ServerProcess victim = a;
        Storescu first;
        try (SlowLink link = SlowLink.to(DIMSE.get(victim), 4_000_000)) {
            first = Storescu.start(link.port(), study, 8, () -> {
                try {
                    victim.kill();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            first.reachedN().get(2, TimeUnit.MINUTES);
            assertTrue(first.process().waitFor(2, TimeUnit.MINUTES), "storescu ends once its peer is gone");
        }
        Set<Path> acknowledged = first.acknowledged();
        assertTrue(acknowledged.size() >= 8 && acknowledged.size() < 40, "killed mid-batch: " + acknowledged.size());
        String token = Tokens.of("cx.rt");
        for (Path f : acknowledged) {
            Attributes h = DicomWebTest.header(f);
            given().baseUri(b.baseUrl()).auth().oauth2(token).accept("application/dicom+json")
                    .get("/dicomweb/studies/" + h.getString(Tag.StudyInstanceUID) + "/series/"
                            + h.getString(Tag.SeriesInstanceUID) + "/instances/" + h.getString(Tag.SOPInstanceUID) + "/metadata")
                    .then().statusCode(200);
        }
        // the county PACS sends the batch again, to the replica that is left: it completes
        Storescu again = Storescu.start(DIMSE.get(b), study, 40, () -> { });
        assertTrue(again.process().waitFor(2, TimeUnit.MINUTES));
        assertEquals(0, again.process().exitValue(), again.transcript());
        List<JsonNode> instances = List.of(given().baseUri(b.baseUrl()).auth().oauth2(token).accept("application/dicom+json")
                .get("/dicomweb/studies/" + DicomWebTest.header(files(study).get(0)).getString(Tag.StudyInstanceUID) + "/instances?limit=1000")
                .then().statusCode(200).extract().as(JsonNode[].class));
        assertEquals(40, instances.size(), "every instance once, acknowledged before the kill or after");
    }

    private static UUID room(ServerProcess server, String... admissions) {
        String id = given().auth().oauth2(Tokens.of("cm.wang")).contentType("application/json")
                .body(Map.of("kind", "CONSULT_SESSION", "refId", UUID.randomUUID().toString(), "title", "副本故障 MDT"))
                .post(base(server).resolve("/api/live/rooms")).then().statusCode(200).extract().path("id");
        for (String adm : admissions) {
            String[] p = adm.split(":");
            String user = given().auth().oauth2(Tokens.of(p[0])).get(base(server).resolve("/api/me"))
                    .then().statusCode(200).extract().path("id");
            given().auth().oauth2(Tokens.of("cm.wang")).contentType("application/json")
                    .body(Map.of("displayName", p[0], "role", p[1]))
                    .put(base(server).resolve("/api/live/rooms/" + id + "/participants/" + user)).then().statusCode(200);
        }
        return UUID.fromString(id);
    }

    private static Path study(String tag, int count) throws Exception {
        Path dir = work.resolve("study-" + tag);
        SyntheticCtStudy.main(new String[] {dir.toString(), Integer.toString(count),
                (System.currentTimeMillis() % 1_000_000_000L) + "" + count});
        return dir;
    }

    private static List<Path> files(Path dir) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return new ArrayList<>(s.sorted().toList());
        }
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    static URI base(ServerProcess server) {
        return URI.create(server.baseUrl() + "/");
    }

    static int freePort() throws java.io.IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
