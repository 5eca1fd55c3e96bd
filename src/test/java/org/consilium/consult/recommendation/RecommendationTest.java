package org.consilium.consult.recommendation;

import static org.consilium.consult.board.Board.CHANGXING;
import static org.consilium.consult.board.Board.as;
import static org.consilium.consult.board.Board.consultState;
import static org.consilium.consult.board.Board.schedule;
import static org.consilium.consult.board.Board.triagedConsult;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.consilium.localstack.ConsiliumTestResource;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(ConsiliumTestResource.class)
public class RecommendationTest {

    static final String RECS = "/api/consults/{c}/recommendations";

    @Inject
    AgroalDataSource db;

    /** A lung IIB plan: lobectomy then adjuvant chemotherapy, with one follow-up task. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> content(String stageGroup, int dueInDays) {
        Map<String, Object> tnm = Map.of("site", "lung", "t", "cT2a", "n", "cN1", "m", "cM0", "stageGroup", stageGroup);
        Map<String, Object> evaluation = Map.of("ecog", 1, "organFunction", Map.of("cardiac", "NORMAL",
                "pulmonary", "MILD", "hepatic", "NORMAL", "renal", "NORMAL"), "surgicalTolerance", "TOLERABLE",
                "tnm", tnm, "notes", "FEV1 1.9 L (72%)");
        Map<String, Object> content = new HashMap<>();
        content.put("evaluation", evaluation);
        content.put("intent", "CURATIVE");
        content.put("modalities", List.of(
                Map.of("modality", "SURGERY", "sequence", 1, "detail", "胸腔镜右肺上叶切除 + 系统性淋巴结清扫"),
                Map.of("modality", "CHEMOTHERAPY", "sequence", 2, "detail", "辅助顺铂 + 培美曲塞 4 周期")));
        content.put("rationale", "建议手术切除后辅助化疗 / lobectomy then adjuvant chemotherapy");
        content.put("followUps", List.of(Map.of("title", "辅助化疗 2 周期后复查胸部 CT", "dueInDays", dueInDays)));
        return Map.of("content", content);
    }

    /** Schedules, opens and presents a consult with dr.li in the chair; dr.zhao and dr.sun attend. */
    public static String inSession(UUID consult) {
        String meeting = schedule("BOARD", "dr.li", List.of(consult), "dr.zhao", "dr.sun", "dr.zhou");
        as("dr.li").body(Map.of()).post("/api/meetings/{id}/session/open", meeting).then().statusCode(200);
        as("dr.li").body(Map.of("consultId", consult.toString())).put("/api/meetings/{id}/session/presenting", meeting)
                .then().statusCode(200);
        as("dr.zhao").body(Map.of()).post("/api/meetings/{id}/session/attendance", meeting).then().statusCode(200);
        as("dr.sun").body(Map.of()).post("/api/meetings/{id}/session/attendance", meeting).then().statusCode(200);
        return meeting;
    }

    @Test
    void chairDraftsParticipantsOpineAndDissentThenEveryAttendeeSigns() {
        UUID consult = triagedConsult(db, CHANGXING, "cx.doctor", "陈志强", null);
        as("dr.li").body(content("IIB", 42)).post(RECS, consult).then().statusCode(404); // not visible yet
        inSession(consult);

        as("dr.li").body(content("IIA", 42)).post(RECS, consult).then().statusCode(400)
                .body("type", equalTo("urn:consilium:problem:validation"))
                .body("detail", containsString("is stage IIB, not IIA"));
        as("dr.zhao").body(content("IIB", 42)).post(RECS, consult).then().statusCode(403);
        String rec = as("dr.li").body(content("IIB", 42)).post(RECS, consult).then().statusCode(201)
                .body("state", equalTo("DRAFT")).body("revision", equalTo(1))
                .body("content.evaluation.tnm.stageGroup", equalTo("IIB"))
                .extract().path("id");
        as("dr.li").body(content("IIB", 42)).post(RECS, consult).then().statusCode(409);

        as("dr.zhao").body(Map.of("position", "DISSENT", "comment", "建议先行新辅助化疗"))
                .put(RECS + "/{r}/opinions/me", consult, rec).then().statusCode(200)
                .body("opinions.find { it.username == 'dr.zhao' }.position", equalTo("DISSENT"));
        as("dr.sun").body(Map.of("position", "AGREE")).put(RECS + "/{r}/opinions/me", consult, rec).then()
                .statusCode(200);
        as("dr.wu").body(Map.of("position", "AGREE")).put(RECS + "/{r}/opinions/me", consult, rec).then()
                .statusCode(404); // not on the board, cannot even see the consult

        int v = as("dr.li").get(RECS + "/{r}", consult, rec).then().statusCode(200).extract().path("version");
        as("dr.zhao").body(Map.of("version", v)).post(RECS + "/{r}/finalise", consult, rec).then().statusCode(403);
        as("dr.li").body(Map.of("version", v)).post(RECS + "/{r}/signatures", consult, rec).then().statusCode(409);
        as("dr.li").body(Map.of("version", v + 5)).post(RECS + "/{r}/finalise", consult, rec).then().statusCode(409)
                .body("type", equalTo("urn:consilium:problem:conflict"));
        as("dr.li").body(Map.of("version", v)).post(RECS + "/{r}/finalise", consult, rec).then().statusCode(200)
                .body("state", equalTo("FINAL")).body("contentHash", notNullValue())
                // the chair and the two attendees sign; dr.zhou was invited but did not attend
                .body("signatures.username", containsInAnyOrder("dr.li", "dr.zhao", "dr.sun"));
        assertEquals("RECOMMENDED", consultState(consult));
        as("dr.li").body(content("IIB", 30)).put(RECS + "/{r}", consult, rec).then().statusCode(409);

        as("dr.zhou").body(Map.of()).post(RECS + "/{r}/signatures", consult, rec).then().statusCode(403);
        as("dr.zhao").body(Map.of()).post(RECS + "/{r}/signatures", consult, rec).then().statusCode(200)
                .body("state", equalTo("FINAL"))
                .body("signatures.find { it.username == 'dr.zhao' }.signedAt", notNullValue());
        as("dr.zhao").body(Map.of()).post(RECS + "/{r}/signatures", consult, rec).then().statusCode(409);
        as("dr.sun").body(Map.of()).post(RECS + "/{r}/signatures", consult, rec).then().statusCode(200);
        as("dr.li").body(Map.of()).post(RECS + "/{r}/signatures", consult, rec).then().statusCode(200)
                .body("state", equalTo("SIGNED")).body("signedAt", notNullValue());
        assertEquals("SIGNED", consultState(consult));

        as("cx.doctor").get(RECS, consult).then().statusCode(200).body("state", hasItem("SIGNED"))
                .body("[0].opinions.find { it.username == 'dr.zhao' }.comment", equalTo("建议先行新辅助化疗"));
        as("fm.doctor").get(RECS, consult).then().statusCode(404);
        as("platform.admin").queryParam("target", "consult:" + consult).queryParam("limit", 200).get("/api/audit")
                .then().statusCode(200)
                .body("items.action", hasItem("recommendation.draft")).body("items.action", hasItem("recommendation.opinion"))
                .body("items.action", hasItem("recommendation.finalise")).body("items.action", hasItem("recommendation.sign"));
    }

    @Test
    void signedRecommendationIsImmutableAndAnAmendmentIsANewLinkedVersion() throws SQLException {
        UUID consult = triagedConsult(db, CHANGXING, "cx.doctor", "林美华", null);
        String rec = signed(consult);

        as("dr.li").body(content("IIB", 30)).put(RECS + "/{r}", consult, rec).then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:consilium:problem:conflict")).body("detail", containsString("signed"));
        as("dr.zhao").body(Map.of("position", "AGREE")).put(RECS + "/{r}/opinions/me", consult, rec).then()
                .statusCode(409);
        as("dr.li").body(Map.of()).post(RECS + "/{r}/finalise", consult, rec).then().statusCode(409);
        // not even the database lets a signed version change
        try (Connection c = db.getConnection();
             PreparedStatement ps = c.prepareStatement("update recommendation set content = '{}' where id = ?")) {
            ps.setObject(1, UUID.fromString(rec));
            assertThrows(SQLException.class, ps::executeUpdate);
        }

        as("dr.zhao").body(Map.of("reason", "病理复核")).post(RECS + "/{r}/amendments", consult, rec).then()
                .statusCode(403);
        String amended = as("dr.li").body(Map.of("reason", "病理复核为 EGFR 19 外显子缺失"))
                .post(RECS + "/{r}/amendments", consult, rec).then().statusCode(201)
                .body("revision", equalTo(2)).body("previousId", equalTo(rec)).body("state", equalTo("DRAFT"))
                .body("amendmentReason", equalTo("病理复核为 EGFR 19 外显子缺失"))
                .extract().path("id");
        assertEquals("RECOMMENDED", consultState(consult));
        as("dr.li").body(Map.of("reason", "again")).post(RECS + "/{r}/amendments", consult, rec).then()
                .statusCode(409);

        as("dr.li").body(content("IIB", 21)).put(RECS + "/{r}", consult, amended).then().statusCode(400)
                .body("detail", containsString("version")); // replacing a draft needs the version read
        as("dr.li").body(withVersion(content("IIB", 21), 0)).put(RECS + "/{r}", consult, amended).then()
                .statusCode(200).body("content.followUps[0].dueInDays", equalTo(21));
        as("dr.li").body(Map.of()).post(RECS + "/{r}/finalise", consult, amended).then().statusCode(200);
        for (String signer : List.of("dr.zhao", "dr.sun", "dr.li")) {
            as(signer).body(Map.of()).post(RECS + "/{r}/signatures", consult, amended).then().statusCode(200);
        }
        assertEquals("SIGNED", consultState(consult));
        as("cx.doctor").get(RECS, consult).then().statusCode(200).body("revision", hasSize(2))
                .body("[0].revision", equalTo(2)).body("[0].state", equalTo("SIGNED"))
                .body("[1].state", equalTo("SIGNED")).body("[1].content.followUps[0].dueInDays", equalTo(42));
    }

    /** Drafts, finalises and signs a recommendation for a fresh consult; returns its id. */
    public static String signed(UUID consult) {
        inSession(consult);
        String rec = as("dr.li").body(content("IIB", 42)).post(RECS, consult).then().statusCode(201)
                .extract().path("id");
        as("dr.zhao").body(Map.of("position", "DISSENT", "comment", "建议先行新辅助化疗 / neoadjuvant chemotherapy first"))
                .put(RECS + "/{r}/opinions/me", consult, rec).then().statusCode(200);
        as("dr.li").body(Map.of()).post(RECS + "/{r}/finalise", consult, rec).then().statusCode(200);
        for (String signer : List.of("dr.zhao", "dr.sun", "dr.li")) {
            as(signer).body(Map.of()).post(RECS + "/{r}/signatures", consult, rec).then().statusCode(200);
        }
        return rec;
    }

    private static Map<String, Object> withVersion(Map<String, Object> body, int version) {
        Map<String, Object> out = new HashMap<>(body);
        out.put("version", version);
        return out;
    }
}
