package org.consilium.radiotherapy.review;

import static org.consilium.radiotherapy.review.ReviewTest.as;
import static org.consilium.radiotherapy.review.ReviewTest.userId;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import org.consilium.localstack.ConsiliumTestResource;
import org.junit.jupiter.api.Test;

/** Approval needs the physician's and the physicist's sign-off; a return needs required changes. */
@QuarkusTest
@WithTestResource(ConsiliumTestResource.class)
class DecisionTest {

    static void assign(String id, String username, String name) {
        as("cm.wang").contentType(ContentType.JSON).body(Map.of("userId", userId(username), "displayName", name))
                .post("/api/rt/submissions/{id}/reviewers", id).then().statusCode(204);
    }

    static io.restassured.response.ValidatableResponse decide(String user, String id, Map<String, Object> body) {
        return as(user).contentType(ContentType.JSON).body(body).post("/api/rt/submissions/{id}/decision", id).then();
    }

    @Test
    void approvalTakesBothSignaturesOnTheSameRevision() throws Exception {
        String id = ReviewTest.readySubmission();
        assign(id, "dr.li", "李明");
        assign(id, "phys.chen", "陈静");
        decide("cx.rt", id, Map.of("action", "APPROVE", "revision", 1)).statusCode(403);
        decide("cm.wang", id, Map.of("action", "APPROVE", "revision", 1)).statusCode(403);
        decide("dr.li", id, Map.of("action", "APPROVE", "revision", 1)).statusCode(200)
                .body("state", equalTo("AWAITING_REVIEW")).body("acceptedRevision", nullValue())
                .body("signatures[0].capacity", equalTo("PHYSICIAN"));
        decide("phys.chen", id, Map.of("action", "APPROVE", "revision", 1)).statusCode(200)
                .body("state", equalTo("APPROVED")).body("acceptedRevision", equalTo(1));
        as("cx.rt").get("/api/rt/submissions/{id}/decision", id).then().statusCode(200).body("state", equalTo("APPROVED"));
        as("fm.rt").get("/api/rt/submissions/{id}/decision", id).then().statusCode(404);
        decide("dr.li", id, Map.of("action", "APPROVE", "revision", 1)).statusCode(409);
    }

    @Test
    void aReturnNeedsRequiredChangesAndEndsTheReview() throws Exception {
        String id = ReviewTest.readySubmission();
        assign(id, "dr.li", "李明");
        decide("dr.li", id, Map.of("action", "RETURN", "revision", 1)).statusCode(400);
        decide("dr.li", id, Map.of("action", "RETURN", "revision", 1, "requiredChanges",
                List.of(Map.of("category", "NOT_A_CATEGORY", "text", "x")))).statusCode(400);
        decide("dr.li", id, Map.of("action", "RETURN", "revision", 1, "note", "请修改", "requiredChanges",
                List.of(Map.of("category", "OAR_DELINEATION", "roi", "SPINALCORD", "text", "脊髓按椎管内缘勾画"))))
                .statusCode(200).body("state", equalTo("RETURNED"));
        as("cx.rt").get("/api/rt/submissions/{id}", id).then().body("state", equalTo("RETURNED"));
    }
}
