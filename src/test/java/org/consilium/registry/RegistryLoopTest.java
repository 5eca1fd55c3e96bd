package org.consilium.registry;

import static org.consilium.registry.RegistryFixtures.PROV;
import static org.consilium.registry.RegistryFixtures.as;
import static org.consilium.registry.RegistryFixtures.report;
import static org.consilium.registry.RegistryFixtures.unique;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.consilium.localstack.ConsiliumTestResource;
import org.consilium.registry.followup.FollowUpReminders;
import org.consilium.registry.record.McodeValidation;
import org.junit.jupiter.api.Test;

/**
 * The whole case-management loop with real tokens: a community station reports, the province records, refers up
 * with the green channel, accepts, holds the consult and signs the recommendation, refers the patient down to the
 * community doctor, who is reminded of the scheduled follow-up and reports its outcome to the attending doctor.
 */
@QuarkusTest
@WithTestResource(ConsiliumTestResource.class)
class RegistryLoopTest {

    static final String SCHEDULES = "/api/registry/follow-up-schedules";
    static final String BOARD_VISIT = "术后 4 周复查胸部 CT";
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @Inject
    FollowUpReminders reminders;

    @Test
    void aCommunityReportGoesUpAndBackDownAndItsFollowUpOutcomeReachesTheAttendingDoctor() {
        CommunityStation station = CommunityStation.get();
        String name = "鲁桂香" + unique().substring(0, 3);

        // 1. the community doctor reports a suspected lung cancer found at screening
        JsonPath reported = station.doctor().body(report("ZC" + unique(), name)).post("/api/registry/reports")
                .then().statusCode(201).body("hospitalId", equalTo(station.hospitalId))
                .body("clock.running", equalTo(true)).extract().jsonPath();
        String reportId = reported.getString("id");
        String patientId = reported.getString("patientId");
        assertEquals(reportId, subjectOf("cm.wang", "新发肿瘤报告（疑似 C34.1）：" + name + "，请立即录档"));

        // 2. the provincial case manager records it within the clock and opens the priority channel
        as("cm.wang").queryParam("version", 0).post("/api/registry/reports/{id}/record", reportId).then()
                .statusCode(200).body("clock.running", equalTo(false)).body("clock.onTime", equalTo(true));
        as("cm.wang").queryParam("version", 1).body(Map.of("examination", true, "consultation", true,
                "admission", false)).put("/api/registry/reports/{id}/priority", reportId).then().statusCode(200);

        // 3. up-referral to the province with the green channel, accepted with an appointment, the patient arrives
        as("cm.wang").queryParam("version", 2).body(Map.of("toHospitalId", PROV, "reason", "疑似肺癌，需明确诊断",
                        "reports", List.of(Map.of("title", "低剂量CT", "text", "右肺上叶2.3cm磨玻璃结节"))))
                .post("/api/registry/reports/{id}/referral", reportId).then().statusCode(200);
        String up = as("cm.wang").get("/api/registry/reports/{id}", reportId).then().extract().path("referralId");
        as("dr.li").get("/api/registry/referrals/{id}", up).then().statusCode(200)
                .body("greenChannel.examination", equalTo(true)).body("greenChannel.consultation", equalTo(true))
                .body("fromHospitalId", equalTo(station.hospitalId));
        as("dr.li").body(Map.of("action", "ACCEPT", "version", 0, "appointmentAt",
                        Instant.now().plus(Duration.ofDays(1)).toString(), "appointment", "胸外科门诊"))
                .post("/api/registry/referrals/{id}/transitions", up).then().statusCode(200)
                .body("state", equalTo("ACCEPTED"));
        assertEquals(up, subjectOf("cm.wang", "转诊已接收"));
        as("dr.li").body(Map.of("action", "ARRIVE", "version", 1)).post("/api/registry/referrals/{id}/transitions", up)
                .then().statusCode(200).body("state", equalTo("ARRIVED"));

        // 4. the consult, raised from the report in the green channel, held by the board and signed
        as("cm.wang").queryParam("version", 3).body(Map.of("question", "手术还是同步放化疗？",
                "disciplines", List.of("surgery", "medical-oncology"))).post("/api/registry/reports/{id}/consult", reportId)
                .then().statusCode(200);
        String consult = as("cm.wang").get("/api/registry/reports/{id}", reportId).then().extract().path("consultId");
        long consultVersion = as("cm.wang").get("/api/consults/{id}", consult).then().statusCode(200)
                .body("urgency", equalTo("GREEN_CHANNEL")).extract().jsonPath().getLong("version");
        as("cm.wang").body(Map.of("action", "ACCEPT", "version", consultVersion))
                .post("/api/consults/{id}/transitions", consult).then().statusCode(200);
        signRecommendation(consult);
        as("cm.wang").get("/api/consults/{id}", consult).then().body("state", equalTo("SIGNED"));

        // 5. down-referral from the province to the community doctor, with the plan
        String down = as("dr.li").body(Map.of("direction", "DOWN", "patientId", patientId,
                        "toHospitalId", station.hospitalId, "toDoctorId", station.doctorId, "reason", "术后康复",
                        "plan", "术后每3个月复查胸部CT，3年后每6个月一次"))
                .post("/api/registry/referrals").then().statusCode(201).body("toDoctor", equalTo("鲁建华"))
                .extract().path("id");
        station.doctor().get("/api/registry/referrals/{id}", down).then().statusCode(200)
                .body("receiving", equalTo(true));
        assertEquals(down, subjectOf(station.doctor(), station.doctorUsername, "新的下转申请：" + name));
        station.doctor().body(Map.of("action", "ACCEPT", "version", 0, "appointment", "社区门诊"))
                .post("/api/registry/referrals/{id}/transitions", down).then().statusCode(200);

        // 6. the board's follow-up started the patient's schedule; the case manager sets it up, attended by the
        // provincial doctor, and hands it to the community doctor
        String started = as("cm.wang").queryParam("limit", 200).get(SCHEDULES).then().statusCode(200).extract()
                .jsonPath().getString("items.find { it.patientId == '" + patientId + "' }.id");
        String liId = as("dr.li").get("/api/me").then().extract().path("id");
        LocalDate today = LocalDate.now(ZONE);
        String schedule = as("cm.wang").body(Map.of("patientId", patientId, "icd10", "C34.1", "stage", "IIB",
                        "startOn", today.minusMonths(3).plusDays(2).toString(),
                        "attending", Map.of("hospitalId", PROV, "userId", liId)))
                .post(SCHEDULES).then().statusCode(200).body("template", equalTo("INTENSIVE"))
                .body("attending", equalTo("李明")).body("visits.title", hasItem(BOARD_VISIT)).extract().path("id");
        assertEquals(started, schedule);
        as("cm.wang").body(Map.of("hospitalId", station.hospitalId, "userId", station.doctorId))
                .put(SCHEDULES + "/{id}/assignee", schedule).then().statusCode(200).body("assignee", equalTo("鲁建华"));

        // 7. the reminder job tells the community doctor once; the visit is on their worklist
        reminders.remind();
        reminders.remind();
        List<String> titles = station.doctor().queryParam("limit", 200).get("/api/notifications").then()
                .statusCode(200).extract().jsonPath().getList("items.titleZh");
        assertEquals(1, titles.stream().filter(t -> t.startsWith("随访即将到期：" + name)).count(), titles.toString());
        String visit = station.doctor().queryParam("mine", true).queryParam("limit", 200).get(SCHEDULES + "/due")
                .then().statusCode(200).body("items.scheduleId", hasItem(schedule)).extract().jsonPath()
                .getString("items.find { it.scheduleId == '" + schedule + "' }.visitId");

        // 8. the outcome goes back to the attending doctor, and onto the patient's timeline
        Map<String, Object> outcome = new HashMap<>(Map.of("contactedOn", today.toString(), "reached", true,
                "vitalStatus", "ALIVE", "recurrence", false, "progression", false, "recist", "PR"));
        outcome.put("adverseEvents", "轻度乏力");
        outcome.put("nextStep", "3个月后复查胸部CT");
        station.doctor().body(outcome).post(SCHEDULES + "/{id}/visits/{v}/outcome", schedule, visit).then()
                .statusCode(200).body("visits[0].state", equalTo("DONE")).body("visits[0].reportedBy", equalTo("鲁建华"));
        assertEquals(schedule, subjectOf("dr.li", "随访结果：" + name + "，生存，RECIST PR"));
        as("cm.wang").get("/api/registry/patients/{id}/timeline", patientId).then().statusCode(200)
                .body("entries.kind", hasItems("report", "referral", "consult", "recommendation", "follow-up",
                        "follow-up-visit"));
        station.doctor().get("/api/registry/patients/{id}/timeline", patientId).then().statusCode(200)
                .body("entries.kind", hasItems("report", "referral", "follow-up-visit"));

        // the registry record fills itself from the report, the signed recommendation and the follow-up outcome;
        // the case manager completes and confirms it, and its mCODE bundle validates against base R4
        Map<String, Object> record = as("cm.wang").body(Map.of("patientId", patientId)).post("/api/registry/records")
                .then().statusCode(201).body("content.stageGroup", equalTo("IIB")).body("content.recist", equalTo("PR"))
                .extract().as(Map.class);
        String recordId = (String) record.get("id");
        @SuppressWarnings("unchecked")
        Map<String, Object> completed = new HashMap<>((Map<String, Object>) record.get("content"));
        completed.put("diagnosisDate", LocalDate.now(ZONE).minusDays(1).toString());
        completed.put("basisOfDiagnosis", "HISTOLOGY_PRIMARY");
        completed.put("morphology", "8140/3");
        completed.put("histology", "浸润性腺癌");
        as("cm.wang").queryParam("version", 0).body(Map.of("content", completed)).put("/api/registry/records/{id}", recordId)
                .then().statusCode(200).body("missingForConfirmation", empty());
        as("cm.wang").queryParam("version", 1).post("/api/registry/records/{id}/confirm", recordId).then().statusCode(200)
                .body("state", equalTo("CONFIRMED"));
        as("cm.wang").get("/api/registry/patients/{id}/timeline", patientId).then().statusCode(200)
                .body("entries.findAll { it.kind == 'registry-record' }.titleEn",
                        equalTo(List.of("Registry record confirmed (C34, revision 1)", "Registry record opened (C34)")))
                .body("entries.findAll { it.kind == 'registry-record' }.state", everyItem(equalTo("CONFIRMED")))
                .body("entries.findAll { it.kind == 'registry-record' }.subjectId", everyItem(equalTo(recordId)));
        String bundle = as("cm.wang").get("/api/registry/records/{id}/fhir", recordId).then().statusCode(200).extract()
                .asString();
        assertEquals(List.of(), McodeValidation.errors(bundle));
    }

    /** The subject of the notice {@code user} got whose title starts with {@code title}. */
    private static String subjectOf(String user, String title) {
        return subjectOf(as(user), user, title);
    }

    private static String subjectOf(RequestSpecification caller, String who, String title) {
        JsonPath feed = caller.queryParam("limit", 200).get("/api/notifications").then().statusCode(200)
                .extract().jsonPath();
        String subject = feed.getString("items.find { it.titleZh.startsWith('" + title + "') }.subjectId");
        assertTrue(subject != null, who + " was not told «" + title + "»: " + feed.getList("items.titleZh"));
        return subject;
    }

    /** An ad-hoc session chaired by dr.li: a recommendation drafted, finalised and signed by every attendee. */
    private static void signRecommendation(String consult) {
        Instant start = Instant.now().minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.MINUTES);
        String zhao = as("dr.zhao").get("/api/me").then().extract().path("id");
        String li = as("dr.li").get("/api/me").then().extract().path("id");
        Map<String, Object> meeting = new HashMap<>(Map.of("kind", "AD_HOC", "title", "临时会诊",
                "startsAt", start.toString(), "endsAt", start.plus(Duration.ofMinutes(90)).toString(),
                "chairId", li, "consultIds", List.of(consult), "inviteeIds", List.of(zhao)));
        String session = as("cm.wang").body(meeting).post("/api/meetings").then().statusCode(201).extract().path("id");
        as("dr.li").body(Map.of()).post("/api/meetings/{id}/session/open", session).then().statusCode(200);
        as("dr.li").body(Map.of("consultId", consult)).put("/api/meetings/{id}/session/presenting", session)
                .then().statusCode(200);
        as("dr.zhao").body(Map.of()).post("/api/meetings/{id}/session/attendance", session).then().statusCode(200);
        String recs = "/api/consults/" + consult + "/recommendations";
        String rec = as("dr.li").body(Map.of("content", content())).post(recs).then().statusCode(201)
                .body("id", notNullValue()).extract().path("id");
        as("dr.li").body(Map.of()).post(recs + "/" + rec + "/finalise").then().statusCode(200);
        for (String signer : List.of("dr.zhao", "dr.li")) {
            as(signer).body(Map.of()).post(recs + "/" + rec + "/signatures").then().statusCode(200);
        }
    }

    private static Map<String, Object> content() {
        return Map.of(
                "evaluation", Map.of("ecog", 1,
                        "organFunction", Map.of("cardiac", "NORMAL", "pulmonary", "MILD", "hepatic", "NORMAL",
                                "renal", "NORMAL"),
                        "surgicalTolerance", "TOLERABLE",
                        "tnm", Map.of("site", "lung", "t", "cT2a", "n", "cN1", "m", "cM0", "stageGroup", "IIB")),
                "intent", "CURATIVE",
                "modalities", List.of(Map.of("modality", "SURGERY", "sequence", 1, "detail", "胸腔镜右肺上叶切除")),
                "rationale", "周围型 T2a 肿瘤伴单站肺门淋巴结，可耐受肺叶切除。",
                "followUps", List.of(Map.of("title", BOARD_VISIT, "dueInDays", 28)));
    }
}
