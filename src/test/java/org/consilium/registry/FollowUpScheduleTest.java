package org.consilium.registry;

import static org.consilium.registry.RegistryFixtures.CHANGXING;
import static org.consilium.registry.RegistryFixtures.FUMIN;
import static org.consilium.registry.RegistryFixtures.as;
import static org.consilium.registry.RegistryFixtures.unique;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.consilium.localstack.ConsiliumTestResource;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(ConsiliumTestResource.class)
class FollowUpScheduleTest {

    private static final String PATH = "/api/registry/follow-up-schedules";

    @Test
    void aScheduleFromTheTemplateIsHandedToACommunityDoctorWhoSeesOnlyThatPatient() {
        String handed = schedule("cx.doctor", "褚秀梅");
        String kept = schedule("cx.doctor", "卫兰英");
        as("cx.doctor").get(PATH + "/{id}", handed).then().statusCode(200).body("template", equalTo("INTENSIVE"))
                .body("visits", hasSize(16)).body("visits[0].dueOn", equalTo("2026-04-01"))
                .body("visits[15].dueOn", equalTo("2031-01-01")).body("assignee", equalTo("钱进"));
        as("fm.doctor").get(PATH + "/{id}", handed).then().statusCode(404);

        String fmDoctor = as("fm.doctor").get("/api/me").then().extract().path("id");
        as("fm.doctor").body(Map.of("hospitalId", FUMIN, "userId", fmDoctor)).put(PATH + "/{id}/assignee", handed)
                .then().statusCode(404);
        as("cx.doctor").body(Map.of("hospitalId", FUMIN, "userId", "nobody")).put(PATH + "/{id}/assignee", handed)
                .then().statusCode(400).body("detail", containsString("userId"));
        as("cx.doctor").body(Map.of("hospitalId", FUMIN, "userId", fmDoctor)).put(PATH + "/{id}/assignee", handed)
                .then().statusCode(200).body("assignee", equalTo("杨帆")).body("assigneeId", equalTo(fmDoctor));

        as("fm.doctor").get(PATH + "/{id}", handed).then().statusCode(200).body("patientName", equalTo("褚秀梅"));
        as("fm.doctor").get(PATH + "/{id}", kept).then().statusCode(404);
        as("fm.doctor").queryParam("mine", true).queryParam("limit", 200).get(PATH).then().statusCode(200)
                .body("items.id", hasItem(handed)).body("items.id", not(hasItem(kept)))
                .body("items.hospitalId", everyItem(equalTo(CHANGXING)));
        as("fm.doctor").queryParam("limit", 200).get(PATH).then().body("items.id", not(hasItem(kept)));
        var feed = as("fm.doctor").queryParam("limit", 200).get("/api/notifications").then().extract().jsonPath();
        List<String> titles = feed.getList("items.titleZh");
        assertTrue(titles.contains("随访患者已移交给您：褚秀梅"), titles.toString());
        assertEquals(handed, feed.getString("items.find { it.titleZh == '随访患者已移交给您：褚秀梅' }.subjectId"));
    }

    @Test
    void theCommunityDoctorsOutcomeGoesBackToTheAttendingDoctor() {
        String id = schedule("cx.doctor", "蒋桂珍");
        String fmDoctor = as("fm.doctor").get("/api/me").then().extract().path("id");
        as("cx.doctor").body(Map.of("hospitalId", FUMIN, "userId", fmDoctor)).put(PATH + "/{id}/assignee", id)
                .then().statusCode(200);
        String visit = as("fm.doctor").get(PATH + "/{id}", id).then().extract().path("visits[0].id");
        Map<String, Object> outcome = outcome("2026-04-02", "ALIVE", null);
        outcome.put("recurrence", false);
        outcome.put("recist", "SD");
        outcome.put("nextStep", "3个月后复查胸部CT");
        as("fm.doctor").body(outcome).post(PATH + "/{id}/visits/{v}/outcome", id, visit).then().statusCode(200)
                .body("visits[0].state", equalTo("DONE")).body("visits[0].recist", equalTo("SD"))
                .body("visits[0].reportedBy", equalTo("杨帆")).body("visits[1].state", equalTo("OPEN"));
        as("fm.doctor").body(outcome).post(PATH + "/{id}/visits/{v}/outcome", id, visit).then().statusCode(409);
        List<String> titles = as("cx.doctor").queryParam("limit", 200).get("/api/notifications").then().extract()
                .jsonPath().getList("items.titleZh");
        assertTrue(titles.contains("随访结果：蒋桂珍，生存，RECIST SD"), titles.toString());
        as("platform.admin").queryParam("target", "follow-up:" + id).queryParam("action", "registry.followup.outcome")
                .get("/api/audit").then().body("items.actor", hasItem("fm.doctor"));
    }

    @Test
    void aDeathAfterTheContactThatReportsItIsRejectedAndARecordedDeathClosesTheSchedule() {
        String id = schedule("cx.doctor", "沈玉兰");
        List<String> visits = as("cx.doctor").get(PATH + "/{id}", id).then().extract().jsonPath().getList("visits.id");
        as("cx.doctor").body(outcome("2026-06-10", "DECEASED", "2026-06-20"))
                .post(PATH + "/{id}/visits/{v}/outcome", id, visits.get(0)).then().statusCode(400)
                .body("type", equalTo("urn:consilium:problem:validation")).body("detail", containsString("deathDate"))
                .body("errors[0].field", equalTo("deathDate"));
        as("cx.doctor").body(outcome("2026-06-10", "DECEASED", null))
                .post(PATH + "/{id}/visits/{v}/outcome", id, visits.get(0)).then().statusCode(400);
        as("cx.doctor").body(outcome("2099-01-01", "ALIVE", null))
                .post(PATH + "/{id}/visits/{v}/outcome", id, visits.get(0)).then().statusCode(400)
                .body("detail", containsString("future"));
        Map<String, Object> notReached = outcome("2026-06-10", "ALIVE", null);
        notReached.put("reached", false);
        as("cx.doctor").body(notReached).post(PATH + "/{id}/visits/{v}/outcome", id, visits.get(0)).then().statusCode(400);
        as("cx.doctor").get(PATH + "/{id}", id).then().body("visits.state", everyItem(equalTo("OPEN")))
                .body("deathDate", equalTo(null));

        as("cx.doctor").body(outcome("2026-06-10", "DECEASED", "2026-06-01"))
                .post(PATH + "/{id}/visits/{v}/outcome", id, visits.get(0)).then().statusCode(200)
                .body("deathDate", equalTo("2026-06-01")).body("visits[0].state", equalTo("DONE"))
                .body("visits[1].state", equalTo("CANCELLED")).body("visits[15].state", equalTo("CANCELLED"));
        as("cx.doctor").body(outcome("2026-07-01", "ALIVE", null))
                .post(PATH + "/{id}/visits/{v}/outcome", id, visits.get(1)).then().statusCode(409);
    }

    @Test
    void anOpenVisitMovesToAnotherDayAndUnknownCodesAreRejected() {
        String id = schedule("cx.doctor", "韩玉珍");
        String visit = as("cx.doctor").get(PATH + "/{id}", id).then().extract().path("visits[0].id");
        as("cx.doctor").body(Map.of("dueOn", "2026-04-15")).put(PATH + "/{id}/visits/{v}/due-on", id, visit)
                .then().statusCode(200).body("visits[0].dueOn", equalTo("2026-04-15"));
        as("fm.doctor").body(Map.of("dueOn", "2026-04-16")).put(PATH + "/{id}/visits/{v}/due-on", id, visit)
                .then().statusCode(404);
        String patient = as("cx.doctor").get(PATH + "/{id}", id).then().extract().path("patientId");
        as("cx.doctor").body(Map.of("patientId", patient, "icd10", "X12", "stage", "II", "startOn", "2026-01-01"))
                .post(PATH).then().statusCode(400);
        as("cx.doctor").body(Map.of("patientId", patient, "icd10", "C34.1", "stage", "V", "startOn", "2026-01-01"))
                .post(PATH).then().statusCode(400);
    }

    @Test
    void theWorklistHoldsOpenVisitsDueSoonOrOverdueForWhoeverOwnsThemOverdueFirst() {
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
        String patient = as("cx.doctor").body(Map.of("localId", "W" + unique(), "name", "孔秀兰", "sex", "F"))
                .post("/api/patients").then().statusCode(201).extract().path("id");
        // lung: every 3 months; the first visit 10 days ago, the second 3 months later
        String late = as("cx.doctor").body(Map.of("patientId", patient, "icd10", "C34.1", "stage", "IIB",
                "startOn", today.minusMonths(3).minusDays(10).toString())).post(PATH).then().statusCode(201)
                .extract().path("id");
        String other = as("cx.doctor").body(Map.of("localId", "W" + unique(), "name", "孔秀梅", "sex", "F"))
                .post("/api/patients").then().statusCode(201).extract().path("id");
        String soon = as("cx.doctor").body(Map.of("patientId", other, "icd10", "C34.1", "stage", "IIB",
                "startOn", today.minusMonths(3).plusDays(3).toString())).post(PATH).then().statusCode(201)
                .extract().path("id");
        var list = as("cx.doctor").queryParam("limit", 200).get(PATH + "/due").then().statusCode(200)
                .body("items.scheduleId", hasItem(late)).body("items.scheduleId", hasItem(soon))
                .extract().jsonPath();
        List<String> dueOn = list.getList("items.dueOn");
        assertTrue(dueOn.equals(dueOn.stream().sorted().toList()), "earliest first: " + dueOn);
        Map<String, Object> lateRow = list.getMap("items.find { it.scheduleId == '" + late + "' }");
        long lateBy = java.time.temporal.ChronoUnit.DAYS.between(java.time.LocalDate.parse((String) lateRow.get("dueOn")),
                today);
        assertTrue(Boolean.TRUE.equals(lateRow.get("overdue")) && lateBy >= 7
                && ((Integer) lateRow.get("daysOverdue")) == lateBy, lateRow.toString());
        as("cx.doctor").queryParam("withinDays", 0).queryParam("limit", 200).get(PATH + "/due").then()
                .body("items.scheduleId", hasItem(late)).body("items.scheduleId", not(hasItem(soon)));

        // handed over, it leaves nobody's sight but joins the community doctor's own list; others see nothing
        String fmDoctor = as("fm.doctor").get("/api/me").then().extract().path("id");
        as("cx.doctor").body(Map.of("hospitalId", FUMIN, "userId", fmDoctor)).put(PATH + "/{id}/assignee", late)
                .then().statusCode(200);
        as("fm.doctor").queryParam("mine", true).queryParam("limit", 200).get(PATH + "/due").then().statusCode(200)
                .body("items.scheduleId", hasItem(late)).body("items.scheduleId", not(hasItem(soon)))
                .body("items.find { it.scheduleId == '" + late + "' }.handedOver", equalTo(true));
        as("cx.doctor").queryParam("mine", true).queryParam("limit", 200).get(PATH + "/due").then()
                .body("items.scheduleId", not(hasItem(late))).body("items.scheduleId", hasItem(soon));
        as("cx.doctor").queryParam("limit", 200).get(PATH + "/due").then().body("items.scheduleId", hasItem(late));
        as("dr.li").queryParam("limit", 200).get(PATH + "/due").then().statusCode(200)
                .body("items.scheduleId", not(hasItem(late))).body("items.scheduleId", not(hasItem(soon)));
        as("cx.doctor").queryParam("withinDays", 400).get(PATH + "/due").then().statusCode(400);
    }

    @Test
    void settingUpAgainReplansTheOneOpenScheduleOfThePrimaryAndKeepsWhatWasRecorded() {
        String patient = as("cx.doctor").body(Map.of("localId", "R" + unique(), "name", "华秀英", "sex", "F"))
                .post("/api/patients").then().statusCode(201).extract().path("id");
        String first = as("cx.doctor").body(Map.of("patientId", patient, "icd10", "C34.1", "stage", "IIB",
                "startOn", "2026-01-01")).post(PATH).then().statusCode(201).body("visits", hasSize(16)).extract().path("id");
        String visit = as("cx.doctor").get(PATH + "/{id}", first).then().extract().path("visits[0].id");
        as("cx.doctor").body(Map.of("contactedOn", "2026-04-02", "reached", true, "vitalStatus", "ALIVE",
                "note", "胸部 CT 未见复发")).post(PATH + "/{id}/visits/{v}/outcome", first, visit).then().statusCode(200)
                .body("visits[0].note", equalTo("胸部 CT 未见复发"));

        // the same primary (C34): the same schedule, its open visits planned again for stage I from 2026-05-01
        as("cx.doctor").body(Map.of("patientId", patient, "icd10", "C34.3", "stage", "IA", "startOn", "2026-05-01"))
                .post(PATH).then().statusCode(200).body("id", equalTo(first)).body("icd10", equalTo("C34.3"))
                .body("template", equalTo("INTENSIVE")).body("visits", hasSize(17))
                .body("visits[0].id", equalTo(visit)).body("visits[0].state", equalTo("DONE"))
                .body("visits[1].dueOn", equalTo("2026-08-01"));
        // another primary: a schedule of its own
        as("cx.doctor").body(Map.of("patientId", patient, "icd10", "C50.9", "stage", "I", "startOn", "2026-05-01"))
                .post(PATH).then().statusCode(201).body("id", not(equalTo(first))).body("template", equalTo("BREAST"));
        as("platform.admin").queryParam("target", "follow-up:" + first).queryParam("limit", 50).get("/api/audit")
                .then().statusCode(200).body("items.action", hasItem("registry.followup.replan"));
    }

    /** A new changxing patient with a stage IIB lung cancer schedule from 2026-01-01, by {@code user}. */
    private static String schedule(String user, String name) {
        String patient = as(user).body(Map.of("localId", "F" + unique(), "name", name, "sex", "F")).post("/api/patients")
                .then().statusCode(201).extract().path("id");
        return as(user).body(Map.of("patientId", patient, "icd10", "C34.1", "stage", "IIB", "startOn", "2026-01-01"))
                .post(PATH).then().statusCode(201).extract().path("id");
    }

    private static Map<String, Object> outcome(String contactedOn, String vitalStatus, String deathDate) {
        Map<String, Object> m = new HashMap<>(Map.of("contactedOn", contactedOn, "reached", true,
                "vitalStatus", vitalStatus));
        if (deathDate != null) {
            m.put("deathDate", deathDate);
        }
        return m;
    }
}
