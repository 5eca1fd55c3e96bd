package org.consilium.registry;

import static org.consilium.registry.RegistryFixtures.FUMIN;
import static org.consilium.registry.RegistryFixtures.PROV;
import static org.consilium.registry.RegistryFixtures.as;
import static org.consilium.registry.RegistryFixtures.recorded;
import static org.consilium.registry.RegistryFixtures.unique;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.isOneOf;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.consilium.localstack.ConsiliumTestResource;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(ConsiliumTestResource.class)
class PatientTimelineTest {

    private static final String TIMELINE = "/api/registry/patients/{id}/timeline";

    @Test
    void theCountySeesTheWholePathNewestFirstAndEachOtherSideOnlyWhatIsItsOwn() {
        String name = "岑秀华" + unique().substring(0, 3);
        String report = recorded(name);
        String patient = as("cm.wang").get("/api/registry/reports/{id}", report).then().extract().path("patientId");
        as("cm.wang").queryParam("version", 1).body(Map.of("question", "下一步检查与治疗？",
                "disciplines", List.of("surgery"))).post("/api/registry/reports/{id}/consult", report)
                .then().statusCode(200);
        as("cm.wang").queryParam("version", 2).body(Map.of("toHospitalId", PROV, "reason", "疑似肺癌，需明确诊断"))
                .post("/api/registry/reports/{id}/referral", report).then().statusCode(200);
        String schedule = as("cx.doctor").body(Map.of("patientId", patient, "icd10", "C34.1", "stage", "IIB",
                "startOn", "2026-01-01")).post("/api/registry/follow-up-schedules").then().statusCode(201)
                .extract().path("id");
        String fmDoctor = as("fm.doctor").get("/api/me").then().extract().path("id");
        as("cx.doctor").body(Map.of("hospitalId", FUMIN, "userId", fmDoctor))
                .put("/api/registry/follow-up-schedules/{id}/assignee", schedule).then().statusCode(200);
        String visit = as("fm.doctor").get("/api/registry/follow-up-schedules/{id}", schedule).then().extract()
                .path("visits[0].id");
        as("fm.doctor").body(Map.of("contactedOn", "2026-04-02", "reached", true, "vitalStatus", "ALIVE",
                "recist", "SD")).post("/api/registry/follow-up-schedules/{id}/visits/{v}/outcome", schedule, visit)
                .then().statusCode(200);
        String record = as("cm.wang").body(Map.of("patientId", patient)).post("/api/registry/records").then()
                .statusCode(201).extract().path("id");

        var county = as("cx.doctor").get(TIMELINE, patient).then().statusCode(200)
                .body("patientName", equalTo(name))
                .body("entries.kind", hasItems("report", "consult", "referral", "follow-up", "follow-up-visit",
                        "registry-record"))
                .body("entries.find { it.kind == 'report' }.subjectId", equalTo(report))
                .body("entries.find { it.kind == 'registry-record' }.subjectId", equalTo(record))
                .body("entries.find { it.kind == 'registry-record' }.state", equalTo("DRAFT"))
                .body("entries.find { it.kind == 'registry-record' }.titleZh", equalTo("建立肿瘤登记档案（C34）"))
                .body("entries.find { it.kind == 'follow-up-visit' && it.state == 'DONE' }.titleZh",
                        equalTo("随访：生存，RECIST SD"))
                .extract().jsonPath();
        List<Instant> times = county.<String>getList("entries.at").stream().map(Instant::parse).toList();
        for (int i = 1; i < times.size(); i++) {
            assertEquals(true, !times.get(i).isAfter(times.get(i - 1)), "newest first: " + times);
        }
        as("cx.doctor").queryParam("limit", 2).queryParam("offset", 1).get(TIMELINE, patient).then().statusCode(200)
                .body("entries", hasSize(2)).body("total", equalTo(county.getInt("total")))
                .body("entries[0].subjectId", equalTo(county.getString("entries[1].subjectId")));

        // the community doctor sees the follow-up handed to them, nothing of the county's reports or referrals
        as("fm.doctor").get(TIMELINE, patient).then().statusCode(200)
                .body("entries.kind", everyItem(isOneOf("follow-up", "follow-up-visit")));
        // the province's specialist sees the referral addressed to his hospital, not the county's own report
        as("dr.li").get(TIMELINE, patient).then().statusCode(200)
                .body("entries.kind", hasItem("referral")).body("entries.kind", not(hasItem("report")))
                .body("entries.kind", not(hasItem("follow-up")))
                .body("entries.kind", not(hasItem("registry-record")));
    }

    @Test
    void aPatientOfWhomTheCallerMaySeeNothingIsNotFoundAndTheRefusalIsAudited() {
        String patient = as("cx.doctor").body(Map.of("localId", "T" + unique(), "name", "冯淑贞", "sex", "F"))
                .post("/api/patients").then().statusCode(201).extract().path("id");
        as("cx.doctor").get(TIMELINE, patient).then().statusCode(200).body("entries", hasSize(0));
        as("fm.doctor").get(TIMELINE, patient).then().statusCode(404)
                .body("type", equalTo("urn:consilium:problem:not-found"));
        as("dr.li").get(TIMELINE, patient).then().statusCode(404);
        as("fm.doctor").get(TIMELINE, UUID.randomUUID()).then().statusCode(404);
        as("platform.admin").queryParam("target", "patient:" + patient)
                .queryParam("action", "registry.timeline.read").get("/api/audit").then().statusCode(200)
                .body("items.findAll { it.outcome == 'DENIED' }.actor", hasItems("fm.doctor", "dr.li"))
                .body("items.findAll { it.outcome == 'SUCCESS' }.actor", hasItem("cx.doctor"));
    }
}
