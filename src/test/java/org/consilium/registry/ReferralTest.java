package org.consilium.registry;

import static org.consilium.registry.RegistryFixtures.CHANGXING;
import static org.consilium.registry.RegistryFixtures.FUMIN;
import static org.consilium.registry.RegistryFixtures.PROV;
import static org.consilium.registry.RegistryFixtures.as;
import static org.consilium.registry.RegistryFixtures.recorded;
import static org.consilium.registry.RegistryFixtures.unique;
import static org.consilium.registry.RegistryFixtures.version;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.consilium.consult.ConsultFixtures;
import org.consilium.localstack.ConsiliumTestResource;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(ConsiliumTestResource.class)
class ReferralTest {

    private static final String PROBLEM = "urn:consilium:problem:";

    @Test
    void anUpReferralFromAReportCarriesTheGreenChannelAndSharesItsStudyWithTheProvince() {
        String reportId = recorded("沈桂兰");
        String patientId = as("cm.wang").get("/api/registry/reports/{id}", reportId).then().extract().path("patientId");
        String localId = as("cm.wang").get("/api/registry/reports/{id}", reportId).then().extract()
                .path("patientLocalId");
        String study = ConsultFixtures.newStudyUid();
        ConsultFixtures.stow("cx.doctor", study, localId, "A" + unique().substring(0, 6));
        as("dr.li").get("/dicomweb/studies/{uid}/metadata", study).then().statusCode(404);

        as("cm.wang").queryParam("version", 1).body(Map.of("examination", true, "consultation", false,
                "admission", true)).put("/api/registry/reports/{id}/priority", reportId).then().statusCode(200);
        as("cm.wang").queryParam("version", 2).body(Map.of("toHospitalId", PROV, "reason", "疑似肺癌，需明确诊断",
                        "studyUids", List.of(study), "reports", List.of(Map.of("title", "CT报告", "text", "右肺上叶结节"))))
                .post("/api/registry/reports/{id}/referral", reportId).then().statusCode(200)
                .body("referralId", notNullValue());
        String referralId = as("cm.wang").get("/api/registry/reports/{id}", reportId).then().extract().path("referralId");

        as("dr.li").get("/api/registry/referrals/{id}", referralId).then().statusCode(200)
                .body("direction", equalTo("UP")).body("state", equalTo("REQUESTED"))
                .body("fromHospitalId", equalTo(CHANGXING)).body("toHospitalId", equalTo(PROV))
                .body("patientId", equalTo(patientId)).body("patientName", equalTo("沈桂兰"))
                .body("greenChannel.examination", equalTo(true)).body("greenChannel.consultation", equalTo(false))
                .body("greenChannel.admission", equalTo(true)).body("receiving", equalTo(true))
                .body("allowedActions", containsInAnyOrderOf("ACCEPT", "DECLINE"))
                .body("items.kind", contains("REPORT", "STUDY")).body("items[1].studyUid", equalTo(study));
        as("dr.li").get("/dicomweb/studies/{uid}/metadata", study).then().statusCode(200);
        as("fm.doctor").get("/dicomweb/studies/{uid}/metadata", study).then().statusCode(404);
        List<String> titles = as("dr.li").queryParam("limit", 200).get("/api/notifications").then().statusCode(200)
                .extract().jsonPath().getList("items.titleZh");
        assertTrue(titles.stream().anyMatch(t -> t.contains("上转") && t.contains("绿色通道") && t.contains("沈桂兰")),
                titles.toString());
    }

    @Test
    void theReceivingHospitalAcceptsAndTheReferralGoesToArrivedAndCompletedWithItsHistory() {
        String id = upReferral("卫淑英");
        as("cx.doctor").body(move("ACCEPT", 0, Map.of("appointment", "胸外科门诊 3诊室")))
                .post("/api/registry/referrals/{id}/transitions", id).then().statusCode(403);
        as("dr.li").body(move("ACCEPT", 0, Map.of())).post("/api/registry/referrals/{id}/transitions", id)
                .then().statusCode(400).body("detail", containsString("appointment"));
        as("dr.li").body(move("ARRIVE", 0, Map.of())).post("/api/registry/referrals/{id}/transitions", id)
                .then().statusCode(409).body("type", equalTo(PROBLEM + "illegal-transition"));
        as("dr.li").body(move("ACCEPT", 0, Map.of("appointmentAt", "2026-12-08T01:30:00Z", "bed", "胸外科 12床")))
                .post("/api/registry/referrals/{id}/transitions", id).then().statusCode(200)
                .body("state", equalTo("ACCEPTED")).body("bed", equalTo("胸外科 12床"))
                .body("acceptedAt", notNullValue()).body("allowedActions", contains("ARRIVE"));
        as("dr.li").body(move("ARRIVE", 1, Map.of())).post("/api/registry/referrals/{id}/transitions", id)
                .then().statusCode(200).body("state", equalTo("ARRIVED"));
        as("dr.li").body(move("COMPLETE", 2, Map.of("note", "已完成手术"))).post("/api/registry/referrals/{id}/transitions", id)
                .then().statusCode(200).body("state", equalTo("COMPLETED")).body("allowedActions", empty())
                .body("events.toState", contains("REQUESTED", "ACCEPTED", "ARRIVED", "COMPLETED"))
                .body("events[3].actor", equalTo("李明"));
        List<String> titles = as("cm.wang").queryParam("limit", 200).get("/api/notifications").then()
                .extract().jsonPath().getList("items.titleZh");
        assertTrue(titles.contains("转诊已接收") && titles.contains("转诊已完成（已完成手术）"), titles.toString());
        as("platform.admin").queryParam("target", "referral:" + id).queryParam("action", "registry.referral.accept")
                .get("/api/audit").then().statusCode(200).body("items.actor", hasItem("dr.li"));
    }

    @Test
    void aDeclineNeedsItsReasonAndChangesNothingWithout() {
        String id = upReferral("蒋玉珍");
        as("dr.li").body(move("DECLINE", 0, Map.of())).post("/api/registry/referrals/{id}/transitions", id)
                .then().statusCode(400);
        as("dr.li").get("/api/registry/referrals/{id}", id).then().body("state", equalTo("REQUESTED"))
                .body("version", equalTo(0));
        as("dr.li").body(move("DECLINE", 0, Map.of("note", "本院床位已满，建议转他院")))
                .post("/api/registry/referrals/{id}/transitions", id).then().statusCode(200)
                .body("state", equalTo("DECLINED")).body("declineReason", equalTo("本院床位已满，建议转他院"));
    }

    @Test
    void otherHospitalsSeeNoneOfItAndEveryRouteAnswersThemNotFoundOrForbidden() {
        String id = upReferral("韩秀珍");
        String item = as("dr.li").get("/api/registry/referrals/{id}", id).then().extract().path("items[0].id");
        as("fm.doctor").get("/api/registry/referrals/{id}", id).then().statusCode(404);
        as("fm.doctor").queryParam("limit", 200).get("/api/registry/referrals").then().statusCode(200)
                .body("items.id", not(hasItem(id)));
        as("fm.doctor").body(move("ACCEPT", 0, Map.of("bed", "1"))).post("/api/registry/referrals/{id}/transitions", id)
                .then().statusCode(404);
        as("fm.doctor").body(Map.of("recognition", "RECOGNISED"))
                .post("/api/registry/referrals/{id}/items/{item}/recognition", id, item).then().statusCode(404);
        as("cx.doctor").queryParam("incoming", true).queryParam("limit", 200).get("/api/registry/referrals").then()
                .body("items.id", not(hasItem(id)));
        as("cx.doctor").queryParam("incoming", false).queryParam("limit", 200).get("/api/registry/referrals").then()
                .body("items.id", hasItem(id));
        as("dr.li").queryParam("incoming", true).queryParam("limit", 200).get("/api/registry/referrals").then()
                .body("items.id", hasItem(id));
        as("platform.admin").queryParam("target", "referral:" + id).queryParam("outcome", "DENIED").get("/api/audit")
                .then().body("items.actor", hasItem("fm.doctor"));
        as("platform.admin").queryParam("target", "referral:" + id).queryParam("action", "registry.referral.read")
                .get("/api/audit").then().body("items.actor", hasItem("dr.li"));
    }

    @Test
    void badRoutesAndStudiesOfAnotherHospitalAreRejectedAndNothingIsRaised() {
        String patientId = patient("cx.doctor", "孔令英");
        long before = sent("cx.doctor");
        as("cx.doctor").body(up(patientId, UUID.randomUUID().toString())).post("/api/registry/referrals").then()
                .statusCode(400).body("type", equalTo(PROBLEM + "validation"))
                .body("detail", containsString("not a hospital of the alliance"));
        as("cx.doctor").body(up(patientId, FUMIN)).post("/api/registry/referrals").then().statusCode(400)
                .body("detail", containsString("up-referral"));
        String foreignStudy = ConsultFixtures.newStudyUid();
        ConsultFixtures.stow("fm.doctor", foreignStudy, "F" + unique(), "F" + unique().substring(0, 6));
        Map<String, Object> withForeignStudy = up(patientId, PROV);
        withForeignStudy.put("studyUids", List.of(foreignStudy));
        as("cx.doctor").body(withForeignStudy).post("/api/registry/referrals").then().statusCode(400)
                .body("detail", containsString(foreignStudy));
        Map<String, Object> badUid = up(patientId, PROV);
        badUid.put("studyUids", List.of("1.02.x"));
        as("cx.doctor").body(badUid).post("/api/registry/referrals").then().statusCode(400);
        as("fm.doctor").body(up(patientId, PROV)).post("/api/registry/referrals").then().statusCode(404);
        assertEquals(before, sent("cx.doctor"));
        as("dr.li").get("/dicomweb/studies/{uid}/metadata", foreignStudy).then().statusCode(404);
    }

    @Test
    void aDownReferralGoesToANamedCountyDoctorWithThePlanAndTheResultsAreRecognisedOrRepeated() {
        String up = upReferral("吕凤英");
        String patientId = as("dr.li").get("/api/registry/referrals/{id}", up).then().extract().path("patientId");
        String doctorId = as("cx.doctor").get("/api/me").then().statusCode(200).extract().path("id");
        Map<String, Object> down = new HashMap<>(Map.of("direction", "DOWN", "patientId", patientId,
                "toHospitalId", CHANGXING, "toDoctorId", doctorId, "reason", "术后康复",
                "plan", "术后每3个月复查胸部CT，2年后每6个月一次"));
        String id = as("dr.li").body(down).post("/api/registry/referrals").then().statusCode(201)
                .body("direction", equalTo("DOWN")).body("fromHospitalId", equalTo(PROV))
                .body("toDoctor", equalTo("钱进")).body("plan", containsString("每3个月"))
                .extract().path("id");
        as("cx.doctor").get("/api/registry/referrals/{id}", id).then().statusCode(200).body("receiving", equalTo(true));
        down.put("toDoctorId", "not-a-doctor");
        as("dr.li").body(down).post("/api/registry/referrals").then().statusCode(400)
                .body("detail", containsString("toDoctorId"));

        String report = as("dr.li").get("/api/registry/referrals/{id}", up).then().extract().path("items[0].id");
        as("dr.li").body(Map.of("recognition", "REPEATED")).post("/api/registry/referrals/{id}/items/{item}/recognition",
                up, report).then().statusCode(400).body("detail", containsString("reason"));
        as("dr.li").body(Map.of("recognition", "REPEATED", "reason", "外院报告不含纵隔窗"))
                .post("/api/registry/referrals/{id}/items/{item}/recognition", up, report).then().statusCode(200)
                .body("items[0].recognition", equalTo("REPEATED")).body("items[0].recognisedBy", equalTo("李明"));
        as("cx.doctor").body(Map.of("recognition", "RECOGNISED"))
                .post("/api/registry/referrals/{id}/items/{item}/recognition", up, report).then().statusCode(403);
    }

    /** An up-referral of a recorded changxing report to the provincial hospital, carrying one report. */
    private static String upReferral(String patientName) {
        String reportId = recorded(patientName);
        as("cm.wang").queryParam("version", version("cm.wang", reportId))
                .body(Map.of("toHospitalId", PROV, "reason", "疑似肺癌",
                        "reports", List.of(Map.of("title", "CT报告", "text", "右肺上叶结节"))))
                .post("/api/registry/reports/{id}/referral", reportId).then().statusCode(200);
        return as("cm.wang").get("/api/registry/reports/{id}", reportId).then().extract().path("referralId");
    }

    private static Map<String, Object> up(String patientId, String to) {
        return new HashMap<>(Map.of("direction", "UP", "patientId", patientId, "toHospitalId", to,
                "reason", "疑似肝癌", "greenChannel", Map.of("examination", true, "consultation", true,
                        "admission", false)));
    }

    private static Map<String, Object> move(String action, int version, Map<String, Object> more) {
        Map<String, Object> m = new HashMap<>(more);
        m.put("action", action);
        m.put("version", version);
        return m;
    }

    private static String patient(String user, String name) {
        return as(user).body(Map.of("localId", "P" + unique(), "name", name, "sex", "F")).post("/api/patients")
                .then().statusCode(201).extract().path("id");
    }

    private static long sent(String user) {
        return as(user).queryParam("incoming", false).queryParam("limit", 1).get("/api/registry/referrals").then()
                .statusCode(200).extract().jsonPath().getLong("total");
    }

    private static org.hamcrest.Matcher<Iterable<? extends String>> containsInAnyOrderOf(String... values) {
        return org.hamcrest.Matchers.containsInAnyOrder(values);
    }
}
