package org.consilium.radiotherapy.review;

import static org.consilium.radiotherapy.review.ReviewTest.as;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.consilium.live.RoomLog;
import org.consilium.localstack.ConsiliumTestResource;
import org.junit.jupiter.api.Test;

/**
 * The statistics' Dice of an expert revision is the review metrics' Dice of the ROIs it changed against the revision
 * before it, worked out when the statistics first ask and kept (rt_revision_dice).
 */
@QuarkusTest
@WithTestResource(ConsiliumTestResource.class)
class ExpertRevisionDiceTest {

    private static final String CHANGXING = "019a0000-0000-7000-8000-000000000002";

    @Inject
    RoomLog log;
    @Inject
    AgroalDataSource db;

    @Test
    void theStatisticsKeepTheMetricsDiceOfEachRoiAnExpertChanged() throws Exception {
        String id = ReviewTest.readySubmission();
        UUID room = UUID.fromString(as("cm.wang").post("/api/rt/submissions/{id}/room", id).then().statusCode(200)
                .extract().path("roomId"));
        ReviewTest edits = new ReviewTest();
        edits.log = log;
        edits.addCircle(room, "cm.wang", "chair", 8, -72, -10, 21.25, 36);
        String revision = as("cm.wang").contentType(ContentType.JSON).body(Map.of("reason", "PTV 外扩"))
                .post("/api/rt/submissions/{id}/revisions", id).then().statusCode(201).extract().path("id");
        List<Map<String, Object>> metrics = as("cm.wang").get("/api/rt/submissions/{id}/metrics?from=1&to=2", id)
                .then().statusCode(200).extract().jsonPath().getList("");
        Map<String, Double> expected = new HashMap<>();
        for (Map<String, Object> m : metrics) {
            if (m.get("dice") != null && ((Number) m.get("dice")).doubleValue() < 1) {
                expected.put((String) m.get("roiName"), ((Number) m.get("dice")).doubleValue());
            }
        }
        assertEquals(List.of("PTV"), List.copyOf(expected.keySet()), "the edit changed PTV only");

        assertEquals(Map.of(), dice(revision), "nothing is worked out before the statistics ask");
        String today = LocalDate.now().toString();
        as("cm.wang").get("/api/registry/statistics/dashboard?sections=rt&hospital=" + CHANGXING + "&from=" + today)
                .then().statusCode(200);
        Map<String, Double> kept = dice(revision);
        assertEquals(expected.keySet(), kept.keySet());
        assertEquals(expected.get("PTV"), kept.get("PTV"), 1e-4);
    }

    private Map<String, Double> dice(String revision) throws Exception {
        Map<String, Double> out = new HashMap<>();
        try (Connection c = db.getConnection();
             PreparedStatement p = c.prepareStatement("select roi_name, dice from rt_revision_dice where revision_id = ?")) {
            p.setObject(1, UUID.fromString(revision));
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    out.put(r.getString(1), r.getDouble(2));
                }
            }
        }
        return out;
    }
}
