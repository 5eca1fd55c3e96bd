package org.consilium.radiotherapy.review;

import static org.consilium.radiotherapy.review.DecisionTest.assign;
import static org.consilium.radiotherapy.review.DecisionTest.decide;
import static org.consilium.radiotherapy.review.ReviewTest.as;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.consilium.localstack.ConsiliumTestResource;
import org.junit.jupiter.api.Test;

/** The case managers' review queue: priority and SLA target, the review clock, who may run it. */
@QuarkusTest
@WithTestResource(ConsiliumTestResource.class)
class ReviewQueueTest {

    private static io.restassured.response.ValidatableResponse prioritise(String user, String id, Map<String, Object> body) {
        return as(user).contentType(ContentType.JSON).body(body).put("/api/rt/review-queue/{id}/priority", id).then();
    }

    private static long version(String id) {
        return as("cm.wang").get("/api/rt/submissions/{id}", id).then().extract().jsonPath().getLong("version");
    }

    @Test
    void caseManagersSetPriorityAndTargetAndTheClockStopsAtTheDecision() throws Exception {
        String later = ReviewTest.readySubmission();
        String first = ReviewTest.readySubmission();
        JsonPath queued = as("cm.wang").get("/api/rt/submissions/{id}", first).then().extract().jsonPath();
        assertTrue(queued.getBoolean("sla.running"));
        Instant queuedAt = Instant.parse(queued.getString("sla.queuedAt"));
        assertEquals(queuedAt.plus(Duration.ofHours(72)), Instant.parse(queued.getString("sla.dueAt")), "the default target");

        JsonPath set = prioritise("cm.wang", first, Map.of("priority", 1, "slaHours", 24, "version", version(first)))
                .statusCode(200).body("priority", equalTo(1)).body("sla.targetHours", equalTo(24)).extract().jsonPath();
        assertEquals(queuedAt.plus(Duration.ofHours(24)), Instant.parse(set.getString("sla.dueAt")));
        prioritise("cm.wang", later, Map.of("priority", 3, "version", version(later))).statusCode(200);
        prioritise("cm.wang", first, Map.of("priority", 2, "version", 0)).statusCode(409)
                .contentType("application/problem+json");
        prioritise("cm.wang", first, Map.of("priority", 7, "version", version(first))).statusCode(400)
                .contentType("application/problem+json");
        for (String other : List.of("cx.rt", "dr.li", "fm.admin")) {
            prioritise(other, first, Map.of("priority", 1, "version", version(first))).statusCode(403);
            as(other).get("/api/rt/review-queue").then().statusCode(403);
        }

        List<String> order = as("cm.wang").get("/api/rt/review-queue?state=AWAITING_REVIEW&limit=200").then()
                .statusCode(200).extract().jsonPath().getList("items.id");
        assertTrue(order.indexOf(first) >= 0 && order.indexOf(first) < order.indexOf(later), "priority 1 before 3: " + order);

        assign(first, "dr.li", "李明");
        decide("dr.li", first, Map.of("action", "RETURN", "revision", 1, "requiredChanges",
                List.of(Map.of("category", "OTHER", "text", "补充剂量统计")))).statusCode(200);
        JsonPath stopped = as("cx.rt").get("/api/rt/submissions/{id}", first).then().extract().jsonPath();
        assertFalse(stopped.getBoolean("sla.running"));
        assertFalse(stopped.getBoolean("sla.overdue"));
        assertTrue(stopped.getLong("sla.toDecisionSeconds") >= 0);
        prioritise("cm.wang", first, Map.of("priority", 1, "version", version(first))).statusCode(409);

        JsonPath figures = as("cm.wang").get("/api/rt/review-queue/sla").then().statusCode(200).extract().jsonPath();
        assertTrue(figures.getLong("queued") >= 2 && figures.getLong("decided") >= 1, figures.prettify());
        assertTrue(figures.getDouble("medianSeconds") >= 0);
        as("cm.wang").get("/api/rt/review-queue/sla?from=2026-12-01T00:00:00Z&to=2026-11-01T00:00:00Z").then()
                .statusCode(400);
    }
}
