package org.consilium.archive.forward;

import static org.consilium.archive.dimse.AeRegistryTest.CHANGXING;
import static org.consilium.archive.dimse.AeRegistryTest.ae;
import static org.consilium.archive.dimse.AeRegistryTest.as;
import static org.consilium.archive.dimse.AeRegistryTest.uniqueTitle;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.consilium.archive.ArchiveConfig;
import org.consilium.archive.StoreScpPeer;
import org.consilium.archive.Stow;
import org.consilium.archive.StudyAccess;
import org.consilium.dicom.data.Attributes;
import org.consilium.dicom.dict.Tag;
import org.consilium.dicom.io.DicomReader;
import org.consilium.localstack.ConsiliumTestResource;
import org.consilium.localstack.Tokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(ConsiliumTestResource.class)
class ForwardingTest {

    private static final UUID PROV = UUID.fromString("019a0000-0000-7000-8000-000000000001");
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static StoreScpPeer peer;

    @Inject
    StudyAccess access;
    @Inject
    ForwardWorker worker;
    @Inject
    ArchiveConfig archive;
    @Inject
    AgroalDataSource dataSource;

    @Test
    void provincialReviewerSendsRevisedStructureSetBackToCountyPacs() throws Exception {
        Path file = Path.of("dicom-samples/lung-phantom/RTSTRUCT_revised.dcm");
        Attributes sent = dataset(file);
        String study = sent.getString(Tag.StudyInstanceUID);
        String sop = sent.getString(Tag.SOPInstanceUID);
        Stow.files(Tokens.of("cx.rt"), List.of(file)).statusCode(200);
        access.grant(study, PROV, null, "test");
        StoreScpPeer pacs = countyPacs();

        String job = as("dr.li").body(Map.of("targetAe", pacs.aeTitle, "sopInstanceUids", List.of(sop)))
                .post("/api/forwarding").then().statusCode(202)
                .body("[0].state", equalTo("PENDING")).body("[0].studyUid", equalTo(study))
                .extract().path("[0].id");
        JsonPath done = await(job, "dr.li", j -> "DONE".equals(j.getString("state")));
        assertEquals(1, done.getInt("attempts"));

        Path arrived = pacs.file(sop).orElseThrow(() -> new AssertionError("storescp has no " + sop));
        assertEquals(sent, dataset(arrived));
        as("platform.admin").queryParam("action", "forward.create").queryParam("target", "study:" + study)
                .get("/api/audit").then().statusCode(200).body("items.actor", hasItem("dr.li"));
    }

    @Test
    void wholeStudyIsQueuedOneJobPerInstanceAndListedForTheHospitalOnly() throws Exception {
        Path file = Stow.dir("lung-phantom/CT").get(90);
        Stow.files(Tokens.of("cx.rt"), List.of(file)).statusCode(200);
        String study = dataset(file).getString(Tag.StudyInstanceUID);
        int stored = as("cx.rt").get("/dicomweb/studies/{st}/metadata", study).then().statusCode(200)
                .extract().jsonPath().getList("$").size();

        List<String> jobs = as("cx.rt").body(Map.of("targetAe", countyPacs().aeTitle, "studyUid", study))
                .post("/api/forwarding").then().statusCode(202).extract().jsonPath().getList("id");
        assertEquals(stored, jobs.size());

        as("cx.rt").queryParam("limit", 500).get("/api/forwarding").then().statusCode(200)
                .body("items.id", hasItem(jobs.get(0)));
        as("fm.rt").get("/api/forwarding").then().statusCode(200).body("items.id", not(hasItem(jobs.get(0))));
        as("fm.rt").get("/api/forwarding/{id}", jobs.get(0)).then().statusCode(404);
        await(jobs.get(jobs.size() - 1), "cx.rt", j -> "DONE".equals(j.getString("state")));
        as("cx.rt").queryParam("state", "DONE").queryParam("limit", 500).get("/api/forwarding").then()
                .statusCode(200).body("items.state", not(hasItem("PENDING")));
    }

    @Test
    void downTargetIsRetriedWithBackoffThenFailed() throws Exception {
        Path file = Stow.dir("lung-phantom/CT").get(91);
        Stow.files(Tokens.of("cx.rt"), List.of(file)).statusCode(200);
        String down = uniqueTitle("DOWN");
        as("cx.admin").body(ae(down, "127.0.0.1", StoreScpPeer.freePort()))
                .post("/api/hospitals/{h}/application-entities", CHANGXING).then().statusCode(201);

        String job = as("cx.rt").body(Map.of("targetAe", down, "sopInstanceUids",
                        List.of(dataset(file).getString(Tag.SOPInstanceUID))))
                .post("/api/forwarding").then().statusCode(202).extract().path("[0].id");
        Map<Integer, Duration> waits = new HashMap<>();
        JsonPath failed = await(job, "cx.rt", j -> {
            Duration wait = Duration.between(Instant.parse(j.getString("updatedAt")),
                    Instant.parse(j.getString("nextAttemptAt")));
            // while a worker holds the job, nextAttemptAt is the end of its lease, not a backoff
            boolean backingOff = "PENDING".equals(j.getString("state")) && j.getInt("attempts") > 0;
            if (backingOff && wait.compareTo(archive.forward().lease()) < 0) {
                waits.put(j.getInt("attempts"), wait);
            }
            return "FAILED".equals(j.getString("state"));
        });
        assertEquals(archive.forward().maxAttempts(), failed.getInt("attempts"));
        String error = failed.getString("lastError");
        assertTrue(error.contains("cannot associate with " + down), error);
        assertFalse(waits.isEmpty(), "a retry was seen waiting");
        waits.forEach((attempts, wait) -> assertEquals(archive.forward().backoff(attempts), wait, "wait after " + attempts));
        assertEquals(Duration.ofSeconds(2), archive.forward().backoff(2));
        as("platform.admin").queryParam("action", "forward.failed").queryParam("target", "ae:" + down)
                .get("/api/audit").then().statusCode(200).body("total", equalTo(1));
    }

    @Test
    void queuedRowFromAnEarlierRunIsSentByAFreshWorker() throws Exception {
        Path file = Stow.dir("lung-phantom/CT").get(92);
        Stow.files(Tokens.of("cx.rt"), List.of(file)).statusCode(200);
        Attributes sent = dataset(file);
        StoreScpPeer pacs = countyPacs();
        UUID id = UUID.randomUUID();
        // as a crashed replica leaves it: claimed once (attempts 1), its lease run out
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                insert into forward_job (id, hospital_id, study_uid, target_ae, sop_instance_uid, state, attempts,
                    next_attempt_at, created_by, created_at, updated_at)
                values (?, ?, ?, ?, ?, 'PENDING', 1, ?, 'earlier run', ?, ?)""")) {
            Timestamp past = Timestamp.from(Instant.now().minusSeconds(60));
            ps.setObject(1, id);
            ps.setObject(2, CHANGXING);
            ps.setString(3, sent.getString(Tag.StudyInstanceUID));
            ps.setString(4, pacs.aeTitle);
            ps.setString(5, sent.getString(Tag.SOPInstanceUID));
            ps.setTimestamp(6, past);
            ps.setTimestamp(7, past);
            ps.setTimestamp(8, past);
            ps.executeUpdate();
        }
        worker.runOnce();
        await(id.toString(), "cx.rt", j -> "DONE".equals(j.getString("state")));
        assertEquals(sent, dataset(pacs.file(sent.getString(Tag.SOPInstanceUID)).orElseThrow()));
    }

    @Test
    void forwardingIsRefusedOutsideWhatBothHospitalsMaySee() throws Exception {
        Path file = Stow.dir("lung-phantom/CT").get(93);
        Stow.files(Tokens.of("cx.rt"), List.of(file)).statusCode(200);
        Attributes h = dataset(file);
        String study = h.getString(Tag.StudyInstanceUID);
        String sop = h.getString(Tag.SOPInstanceUID);

        as("fm.rt").body(Map.of("targetAe", "FUMIN_PACS", "studyUid", study)).post("/api/forwarding")
                .then().statusCode(404).body("type", equalTo("urn:consilium:problem:not-found"));
        as("fm.rt").body(Map.of("targetAe", "FUMIN_PACS", "sopInstanceUids", List.of(sop))).post("/api/forwarding")
                .then().statusCode(404);
        as("cx.rt").body(Map.of("targetAe", "FUMIN_PACS", "sopInstanceUids", List.of(sop))).post("/api/forwarding")
                .then().statusCode(403).body("detail", containsString("not shared"));
        as("cx.rt").body(Map.of("targetAe", "NO_SUCH_AE", "studyUid", study)).post("/api/forwarding")
                .then().statusCode(400).body("detail", containsString("NO_SUCH_AE"));
        as("cx.rt").body(Map.of("targetAe", "CHANGXING_PACS", "studyUid", study, "sopInstanceUids", List.of(sop)))
                .post("/api/forwarding").then().statusCode(400);
        as("cx.rt").body(Map.of("targetAe", "")).post("/api/forwarding").then().statusCode(400)
                .body("errors.field", hasItem("targetAe"));
        as("cx.rt").queryParam("state", "LOST").get("/api/forwarding").then().statusCode(400);

        String silent = uniqueTitle("RO");
        as("cx.admin").body(Map.of("aeTitle", silent, "host", "h", "port", 104, "mayReceive", false))
                .post("/api/hospitals/{h}/application-entities", CHANGXING).then().statusCode(201);
        as("cx.rt").body(Map.of("targetAe", silent, "studyUid", study)).post("/api/forwarding")
                .then().statusCode(409).body("type", equalTo("urn:consilium:problem:conflict"));
    }

    @AfterAll
    static void stopPeer() {
        if (peer != null) {
            peer.close();
        }
    }

    /** A storescp registered as an AE of Changxing, shared by the tests of this class. */
    private static synchronized StoreScpPeer countyPacs() throws Exception {
        if (peer == null) {
            String title = uniqueTitle("CXPACS");
            peer = StoreScpPeer.start(title, Files.createTempDirectory(Files.createDirectories(Path.of("target")),
                    "forwarding"));
            as("cx.admin").body(ae(title, "127.0.0.1", peer.port))
                    .post("/api/hospitals/{h}/application-entities", CHANGXING).then().statusCode(201);
        }
        return peer;
    }

    /** Polls the job until the condition holds; fails after {@link #PATIENCE}. */
    private static JsonPath await(String jobId, String user, Predicate<JsonPath> until) throws InterruptedException {
        Instant deadline = Instant.now().plus(PATIENCE);
        JsonPath job = null;
        while (Instant.now().isBefore(deadline)) {
            job = as(user).get("/api/forwarding/{id}", jobId).then().statusCode(200).extract().jsonPath();
            if (until.test(job)) {
                return job;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("job " + jobId + " did not get there: " + (job == null ? "" : job.prettify()));
    }

    private static Attributes dataset(Path file) throws Exception {
        return new DicomReader(DicomReader.Options.IN_MEMORY).readFile(file).dataset();
    }
}
