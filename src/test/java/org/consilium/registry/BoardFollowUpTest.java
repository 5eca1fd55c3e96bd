package org.consilium.registry;

import static org.consilium.consult.board.Board.CHANGXING;
import static org.consilium.consult.board.Board.as;
import static org.consilium.consult.board.Board.id;
import static org.consilium.consult.board.Board.triagedConsult;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.consilium.consult.recommendation.RecommendationTest;
import org.consilium.localstack.ConsiliumTestResource;
import org.junit.jupiter.api.Test;

/** The follow-up a signed MDT recommendation asks for joins the patient's follow-up schedule: one mechanism. */
@QuarkusTest
@WithTestResource(ConsiliumTestResource.class)
class BoardFollowUpTest {

    private static final String SCHEDULES = "/api/registry/follow-up-schedules";
    private static final String RECS = "/api/consults/{c}/recommendations";
    private static final String BOARD_VISIT = "辅助化疗 2 周期后复查胸部 CT"; // RecommendationTest.content's follow-up
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @Inject
    AgroalDataSource db;

    @Test
    void theBoardsFollowUpStartsTheScheduleAndItsOutcomeGoesBackToTheRequestingDoctor() {
        UUID consult = triagedConsult(db, CHANGXING, "cx.doctor", "邵美华", null);
        String patient = as("cx.doctor").get("/api/consults/{id}", consult).then().statusCode(200).extract()
                .path("patient.id");
        String rec = RecommendationTest.signed(consult);
        LocalDate today = LocalDate.now(ZONE);

        // no new-tumor report names the primary: the board's lung IIB gives C34.9 and the intensive template,
        // from the day of signing, kept by the requesting doctor, with the board's visit among the template's
        JsonPath s = schedule("cx.doctor", patient);
        String id = s.getString("id");
        assertEquals(List.of("C34.9", "IIB", "INTENSIVE", id("cx.doctor")), List.of(s.getString("icd10"),
                s.getString("stage"), s.getString("template"), s.getString("assigneeId")));
        Map<String, Object> board = s.getMap("visits.find { it.title == '" + BOARD_VISIT + "' }");
        assertEquals(List.of(today.plusDays(42).toString(), consult.toString(), rec, "OPEN"),
                List.of(board.get("dueOn"), board.get("consultId"), board.get("recommendationId"), board.get("state")));
        assertEquals(17, s.getList("visits").size(), "16 template visits and the board's");
        String visit = (String) board.get("id");

        // the requesting doctor is told, and finds it on the worklist with its title
        JsonPath feed = as("cx.doctor").queryParam("limit", 200).get("/api/notifications").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(id, feed.getString("items.find { it.titleZh.startsWith('MDT 随访任务：" + BOARD_VISIT
                + "') }.subjectId"), feed.getList("items.titleZh").toString());
        as("cx.doctor").queryParam("withinDays", 60).queryParam("limit", 200).get(SCHEDULES + "/due").then()
                .statusCode(200).body("items.find { it.visitId == '" + visit + "' }.title", equalTo(BOARD_VISIT));
        as("fm.doctor").get(SCHEDULES + "/{id}", id).then().statusCode(404);

        // the county records what the examination found; the attending doctor hears of it
        as("cx.doctor").body(Map.of("contactedOn", today.toString(), "reached", true, "vitalStatus", "ALIVE",
                        "recist", "PR", "note", "原发灶缩小 40%"))
                .post(SCHEDULES + "/{id}/visits/{v}/outcome", id, visit).then().statusCode(200)
                .body("visits.find { it.id == '" + visit + "' }.state", equalTo("DONE"))
                .body("visits.find { it.id == '" + visit + "' }.note", equalTo("原发灶缩小 40%"));
        List<String> titles = as("cx.doctor").queryParam("limit", 200).get("/api/notifications").then().extract()
                .jsonPath().getList("items.titleZh");
        assertTrue(titles.stream().anyMatch(t -> t.startsWith("随访结果：邵美华，生存，RECIST PR")), titles.toString());
        as("platform.admin").queryParam("target", "follow-up:" + id).queryParam("limit", 50).get("/api/audit").then()
                .statusCode(200).body("items.action", hasItem("registry.followup.board"));
    }

    @Test
    void aNewerSignedVersionReplacesTheOpenVisitsOfTheOneBefore() {
        UUID consult = triagedConsult(db, CHANGXING, "cx.doctor", "邵建军", null);
        String patient = as("cx.doctor").get("/api/consults/{id}", consult).then().extract().path("patient.id");
        String rec = RecommendationTest.signed(consult);
        String amended = as("dr.li").body(Map.of("reason", "病理复核")).post(RECS + "/{r}/amendments", consult, rec)
                .then().statusCode(201).extract().path("id");
        Map<String, Object> content = new java.util.HashMap<>(RecommendationTest.content("IIB", 21));
        content.put("version", 0);
        as("dr.li").body(content).put(RECS + "/{r}", consult, amended).then().statusCode(200);
        as("dr.li").body(Map.of()).post(RECS + "/{r}/finalise", consult, amended).then().statusCode(200);
        for (String signer : List.of("dr.zhao", "dr.sun", "dr.li")) {
            as(signer).body(Map.of()).post(RECS + "/{r}/signatures", consult, amended).then().statusCode(200);
        }

        JsonPath s = schedule("cx.doctor", patient);
        assertEquals(1, schedules("cx.doctor", patient), "the second version joins the same schedule");
        LocalDate today = LocalDate.now(ZONE);
        assertEquals(List.of("CANCELLED"), s.getList("visits.findAll { it.recommendationId == '" + rec + "' }.state"));
        assertEquals(List.of(today.plusDays(21).toString()),
                s.getList("visits.findAll { it.recommendationId == '" + amended + "' && it.state == 'OPEN' }.dueOn"));
        as("cx.doctor").get(SCHEDULES + "/{id}", s.getString("id")).then().statusCode(200)
                .body("visits.findAll { it.title != null }", hasSize(2));
    }

    /** The patient's one schedule as {@code user} lists it. */
    private static JsonPath schedule(String user, String patient) {
        JsonPath list = as(user).queryParam("limit", 200).get(SCHEDULES).then().statusCode(200).extract().jsonPath();
        String id = list.getString("items.find { it.patientId == '" + patient + "' }.id");
        assertTrue(id != null, "no schedule for " + patient);
        return as(user).get(SCHEDULES + "/{id}", id).then().statusCode(200).extract().jsonPath();
    }

    private static int schedules(String user, String patient) {
        return as(user).queryParam("limit", 200).get(SCHEDULES).then().statusCode(200).extract().jsonPath()
                .getList("items.findAll { it.patientId == '" + patient + "' }").size();
    }
}
