package org.consilium.registry;

import static org.consilium.registry.RegistryFixtures.as;
import static org.consilium.registry.RegistryFixtures.file;
import static org.consilium.registry.RegistryFixtures.recorded;
import static org.consilium.registry.RegistryFixtures.report;
import static org.consilium.registry.RegistryFixtures.reported;
import static org.consilium.registry.RegistryFixtures.unique;
import static org.consilium.registry.RegistryFixtures.version;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.consilium.localstack.ConsiliumTestResource;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(ConsiliumTestResource.class)
class TumorReportTest {

    private static final String PROBLEM = "urn:consilium:problem:";

    @Inject
    EntityManager em;

    @Test
    void reportingTheSamePatientTwiceFindsThePatientAndTellsTheCaseManagers() {
        String localId = "R" + unique();
        String name = "陈桂英" + unique();
        Map<String, Object> first = file("cx.doctor", report(localId, name)).then().statusCode(201)
                .body("hospitalId", equalTo(RegistryFixtures.CHANGXING)).body("patientName", equalTo(name))
                .body("reporter", equalTo("钱进")).body("clock.running", equalTo(true))
                .body("clock.overdue", equalTo(false)).body("recordedBy", nullValue())
                .extract().jsonPath().getMap("$");
        Instant reportedAt = Instant.parse((String) first.get("reportedAt"));
        Instant dueAt = Instant.parse(((Map<?, ?>) first.get("clock")).get("dueAt").toString());
        assertEquals(Duration.ofHours(24), Duration.between(reportedAt, dueAt), "the default record clock");

        Map<String, Object> again = report(localId, name);
        again.put("certainty", "CONFIRMED");
        file("cx.doctor", again).then().statusCode(201).body("patientId", equalTo(first.get("patientId")));
        as("cx.doctor").queryParam("localId", localId).get("/api/patients").then().body("total", equalTo(1));

        List<String> titles = as("cm.wang").queryParam("unread", true).queryParam("limit", 200)
                .get("/api/notifications").then().statusCode(200).extract().jsonPath().getList("items.titleZh");
        assertTrue(titles.stream().anyMatch(t -> t.contains(name) && t.contains("疑似")), titles.toString());
        assertTrue(titles.stream().anyMatch(t -> t.contains(name) && t.contains("确诊")), titles.toString());
    }

    @Test
    void aPatientWhoseIdsMatchAnotherNameIsAConflictAndNothingIsReported() {
        String localId = "R" + unique();
        file("cx.doctor", report(localId, "周兰" + unique())).then().statusCode(201);
        long before = openCount("cx.doctor");
        file("cx.doctor", report(localId, "李华" + unique())).then().statusCode(409)
                .body("type", equalTo(PROBLEM + "conflict"));
        assertEquals(before, openCount("cx.doctor"));
    }

    @Test
    void unknownSiteCodesAndAMissingPatientAreRejectedAndNothingIsReported() {
        long before = openCount("cx.doctor");
        for (Map.Entry<String, String> bad : List.of(Map.entry("icd10", "X99"), Map.entry("icd10", "C27"),
                Map.entry("icd10", "C98.1"), Map.entry("topography", "C34"), Map.entry("topography", "C81.0"))) {
            Map<String, Object> r = report("R" + unique(), "孙丽");
            r.put(bad.getKey(), bad.getValue());
            file("cx.doctor", r).then().statusCode(400).body("type", equalTo(PROBLEM + "validation"))
                    .body("detail", org.hamcrest.Matchers.containsString(bad.getKey()));
        }
        Map<String, Object> noPatient = report("R" + unique(), "孙丽");
        noPatient.remove("patient");
        file("cx.doctor", noPatient).then().statusCode(400);
        Map<String, Object> noCertainty = report("R" + unique(), "孙丽");
        noCertainty.remove("certainty");
        file("cx.doctor", noCertainty).then().statusCode(400);
        as("cx.doctor").body("{").post("/api/registry/reports").then().statusCode(400);
        assertEquals(before, openCount("cx.doctor"));
    }

    @Test
    void aCountySeesOnlyItsOwnReportsAndTheProvincialCaseManagerSeesAll() {
        String id = reported("cx.doctor", "赵秀兰");
        as("cx.doctor").get("/api/registry/reports/{id}", id).then().statusCode(200);
        as("cm.wang").get("/api/registry/reports/{id}", id).then().statusCode(200);
        for (String outsider : List.of("fm.doctor", "fm.rt", "dr.li")) {
            as(outsider).get("/api/registry/reports/{id}", id).then().statusCode(404)
                    .body("type", equalTo(PROBLEM + "not-found"));
            as(outsider).queryParam("limit", 200).get("/api/registry/reports").then().statusCode(200)
                    .body("items.id", not(hasItem(id)));
        }
        as("cx.admin").get("/api/registry/reports/{id}", id).then().statusCode(403);
        as("fm.doctor").post("/api/registry/reports/" + UUID.randomUUID() + "/record?version=0")
                .then().statusCode(403);
        as("cx.doctor").queryParam("version", 0).post("/api/registry/reports/{id}/record", id).then().statusCode(403);
        as("platform.admin").queryParam("target", "tumor-report:" + id).queryParam("action", "registry.report.read")
                .get("/api/audit").then().statusCode(200).body("items.actor", hasItem("cm.wang"))
                .body("items.actor", hasItem("cx.doctor"));
        as("platform.admin").queryParam("target", "tumor-report:" + id).queryParam("outcome", "DENIED")
                .get("/api/audit").then().statusCode(200).body("items.actor", hasItem("fm.doctor"));
    }

    @Test
    void overdueReportsComeFirstInTheCaseManagersQueue() {
        String onTime = reported("cx.doctor", "钱桂芳");
        String late = reported("fm.doctor", "杨春梅");
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("update tumor_report set"
                        + " reported_at = reported_at - interval '25 hours', record_due_at = record_due_at - interval '25 hours'"
                        + " where id = ?1").setParameter(1, UUID.fromString(late)).executeUpdate());
        List<Map<String, Object>> queue = as("cm.wang").queryParam("open", true).queryParam("limit", 200)
                .get("/api/registry/reports").then().statusCode(200).extract().jsonPath().getList("items");
        assertEquals(late, queue.get(0).get("id"));
        assertEquals(true, ((Map<?, ?>) queue.get(0).get("clock")).get("overdue"));
        assertTrue(((Number) ((Map<?, ?>) queue.get(0).get("clock")).get("remainingSeconds")).longValue() < 0);
        assertTrue(queue.stream().anyMatch(r -> onTime.equals(r.get("id"))));

        as("cm.wang").queryParam("version", version("cm.wang", late)).post("/api/registry/reports/{id}/record", late)
                .then().statusCode(200).body("clock.running", equalTo(false)).body("clock.onTime", equalTo(false))
                .body("clock.overdue", equalTo(true));
    }

    @Test
    void recordingStopsTheClockAndOpensThePriorityChannelAndAConsultInOneStep() {
        String id = reported("cx.doctor", "冯淑珍");
        as("cm.wang").queryParam("version", 0).body(Map.of("examination", true, "consultation", true,
                "admission", false)).put("/api/registry/reports/{id}/priority", id).then().statusCode(409)
                .body("type", equalTo(PROBLEM + "illegal-transition"));
        as("cm.wang").queryParam("version", 0).post("/api/registry/reports/{id}/record", id).then().statusCode(200)
                .body("clock.running", equalTo(false)).body("clock.onTime", equalTo(true))
                .body("clock.tookSeconds", notNullValue()).body("recordedBy", equalTo("王芳"));
        as("cm.wang").queryParam("version", 1).post("/api/registry/reports/{id}/record", id).then().statusCode(409);
        as("cm.wang").queryParam("version", 0).body(Map.of("examination", true, "consultation", true,
                "admission", false)).put("/api/registry/reports/{id}/priority", id).then().statusCode(409)
                .body("type", equalTo(PROBLEM + "conflict"));
        as("cm.wang").queryParam("version", 1).body(Map.of("examination", true, "consultation", true,
                        "admission", false)).put("/api/registry/reports/{id}/priority", id).then().statusCode(200)
                .body("priority.examination.by", equalTo("王芳")).body("priority.examination.at", notNullValue())
                .body("priority.consultation.by", equalTo("王芳")).body("priority.admission", nullValue());

        as("cm.wang").queryParam("version", 2).body(Map.of("question", "下一步检查与治疗？",
                        "disciplines", List.of("surgery", "radiology"))).post("/api/registry/reports/{id}/consult", id)
                .then().statusCode(200).body("consultId", notNullValue());
        String consultId = as("cx.doctor").get("/api/registry/reports/{id}", id).then().extract().path("consultId");
        as("cx.doctor").get("/api/consults/{id}", consultId).then().statusCode(200)
                .body("urgency", equalTo("GREEN_CHANNEL")).body("state", equalTo("REQUESTED"))
                .body("patient.name", equalTo("冯淑珍"));
        as("cm.wang").queryParam("version", 3).body(Map.of("question", "再次？", "disciplines", List.of("surgery")))
                .post("/api/registry/reports/{id}/consult", id).then().statusCode(409);
    }

    @Test
    void theRecordClockIsKeptWhenTheReportIsRecordedLater() {
        String id = recorded("许玉兰");
        as("cx.doctor").get("/api/registry/reports/{id}", id).then().statusCode(200)
                .body("clock.recordedAt", notNullValue()).body("clock.remainingSeconds", nullValue());
    }

    private long openCount(String user) {
        return as(user).queryParam("open", true).queryParam("limit", 1).get("/api/registry/reports").then()
                .statusCode(200).extract().jsonPath().getLong("total");
    }
}
