package org.consilium.radiotherapy.review;

import static org.consilium.radiotherapy.review.DecisionTest.assign;
import static org.consilium.radiotherapy.review.DecisionTest.decide;
import static org.consilium.radiotherapy.review.ReviewTest.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.consilium.dicom.data.Attributes;
import org.consilium.dicom.dict.Tag;
import org.consilium.dicom.dict.VR;
import org.consilium.localstack.ConsiliumTestResource;
import org.consilium.radiotherapy.SamplePlan;
import org.consilium.radiotherapy.submission.SubmissionTest;
import org.junit.jupiter.api.Test;

/**
 * A returned plan comes back as the next version of the same submission: every required change answered,
 * corrected objects in the same study, a RESUBMITTED revision continuing the lineage, approval on it only.
 */
@QuarkusTest
@WithTestResource(ConsiliumTestResource.class)
class ResubmissionTest {

    private static final Map<String, Object> RETURN = Map.of("action", "RETURN", "revision", 1, "note", "请修改",
            "requiredChanges", List.of(
                    Map.of("category", "OAR_DELINEATION", "roi", "SPINALCORD", "text", "脊髓按椎管内缘勾画"),
                    Map.of("category", "DOSE_CONSTRAINTS", "text", "重新评估脊髓 Dmax")));

    static String returned(SamplePlan plan) throws Exception {
        String id = SubmissionTest.submit("cx.rt", plan.studyUid);
        SamplePlan.stow("cx.rt", new ArrayList<>(plan.files.values()));
        SubmissionTest.awaitState(id, "AWAITING_REVIEW");
        assign(id, "dr.li", "李明");
        assign(id, "phys.chen", "陈静");
        decide("dr.li", id, RETURN).statusCode(200).body("state", equalTo("RETURNED"));
        return id;
    }

    static io.restassured.response.ValidatableResponse resubmit(String user, String id, List<Map<String, Object>> answers) {
        return as(user).contentType(ContentType.JSON).body(Map.of("answers", answers, "note", "已重新勾画"))
                .post("/api/rt/submissions/{id}/resubmission", id).then();
    }

    /** The county's corrected structure set moves SPINALCORD 1 mm to the right. */
    static void widenCord(Attributes struct) {
        for (Attributes roi : struct.getSequence(Tag.ROIContourSequence)) {
            if (roi.getInt(Tag.ReferencedROINumber, 0) != 4) {
                continue;
            }
            for (Attributes contour : roi.getSequence(Tag.ContourSequence)) {
                double[] p = contour.getDoubles(Tag.ContourData);
                for (int i = 0; i < p.length; i += 3) {
                    p[i] += 1;
                }
                contour.setDouble(Tag.ContourData, VR.DS, p);
            }
        }
    }

    @Test
    void aResubmissionAnswersEveryChangeAndContinuesTheLineageAsTheNextVersion() throws Exception {
        SamplePlan plan = SamplePlan.copy();
        String id = returned(plan);
        JsonPath decision = as("cx.rt").get("/api/rt/submissions/{id}/decision", id).then().statusCode(200)
                .extract().jsonPath();
        assertEquals(List.of(1, 2), decision.getList("lastReturn.requiredChanges.number"));
        assertEquals("SPINALCORD", decision.getString("lastReturn.requiredChanges[0].roi"));

        resubmit("cx.rt", id, List.of(Map.of("change", 1, "done", true))).statusCode(400)
                .contentType("application/problem+json").body("detail", containsString("change 2 is not answered"));
        resubmit("cx.rt", id, List.of(Map.of("change", 1, "done", true), Map.of("change", 2, "done", false)))
                .statusCode(400).body("detail", containsString("change 2 is not done and needs a reason"));
        resubmit("cx.rt", id, List.of(Map.of("change", 1, "done", true), Map.of("change", 3, "done", true)))
                .statusCode(400).body("detail", containsString("change 3 does not exist"));
        List<Map<String, Object>> answers = List.of(Map.of("change", 1, "done", true, "reason", "已按椎管内缘勾画"),
                Map.of("change", 2, "done", false, "reason", "脊髓 Dmax 38 Gy，未超限"));
        resubmit("fm.rt", id, answers).statusCode(404);
        resubmit("cx.doctor", id, answers).statusCode(403);
        resubmit("dr.li", id, answers).statusCode(403);
        assertEquals("RETURNED", as("cx.rt").get("/api/rt/submissions/{id}", id).then().extract().path("state"));

        resubmit("cx.rt", id, answers).statusCode(200).body("state", equalTo("AWAITING_OBJECTS"))
                .body("submissionVersion", equalTo(2));
        resubmit("cx.rt", id, answers).statusCode(409);
        waitForAwaiting(id, "a new RTSTRUCT, RTPLAN or RTDOSE for version 2");

        SamplePlan.stow("cx.rt", plan.corrected(ResubmissionTest::widenCord));
        SubmissionTest.awaitState(id, "AWAITING_REVIEW");
        JsonPath lineage = as("cx.rt").get("/api/rt/submissions/{id}/revisions", id).then().statusCode(200)
                .extract().jsonPath();
        assertEquals(List.of(1, 2), lineage.getList("number"));
        assertEquals(List.of("SUBMITTED", "RESUBMITTED"), lineage.getList("kind"));
        assertEquals(List.of(1, 2), lineage.getList("submissionVersion"));
        assertEquals(1, lineage.getInt("[1].parentNumber"));
        assertEquals(List.of("SPINALCORD"), lineage.getList("[1].changedRois.name"));

        JsonPath versions = as("cx.rt").get("/api/rt/submissions/{id}/versions", id).then().statusCode(200)
                .extract().jsonPath();
        assertEquals(List.of(1, 2), versions.getList("version"));
        assertEquals(List.of(true, false), versions.getList("[1].answers.done"));
        assertEquals("脊髓 Dmax 38 Gy，未超限", versions.getString("[1].answers[1].reason"));
        assertTrue(versions.getString("[1].objects.rtstructUid").startsWith("2.25."));
        as("fm.rt").get("/api/rt/submissions/{id}/versions", id).then().statusCode(404);

        assertTrue(kinds("cx.rt", id).containsAll(List.of("rt.queued", "rt.returned")), "the county hears: " + kinds("cx.rt", id));
        assertTrue(kinds("dr.li", id).containsAll(List.of("rt.assigned", "rt.resubmitted")), "the reviewer hears");
        assertTrue(kinds("cm.wang", id).contains("rt.queued"), "case managers hear of the queue");
        assertEquals(List.of(), kinds("fm.rt", id), "another county hears nothing");

        decide("dr.li", id, Map.of("action", "APPROVE", "revision", 1)).statusCode(409)
                .body("detail", containsString("belongs to version 1"));
        decide("dr.li", id, Map.of("action", "APPROVE", "revision", 2)).statusCode(200);
        decide("phys.chen", id, Map.of("action", "APPROVE", "revision", 2)).statusCode(200)
                .body("state", equalTo("APPROVED")).body("acceptedRevision", equalTo(2))
                .body("submissionVersion", equalTo(2));
        assertTrue(kinds("cx.rt", id).contains("rt.approved") && kinds("phys.chen", id).contains("rt.approved"));
    }

    /** The kinds of the user's notifications about this submission, oldest first. */
    static List<String> kinds(String user, String submissionId) {
        List<Map<String, Object>> items = as(user).get("/api/notifications?limit=200").then().statusCode(200)
                .extract().jsonPath().getList("items");
        List<String> out = new ArrayList<>();
        for (Map<String, Object> n : items) {
            if (submissionId.equals(n.get("subjectId"))) {
                out.add(0, (String) n.get("kind"));
            }
        }
        return out;
    }

    @Test
    void theRoomOfAResubmittedPlanEditsTheNewRevisionWithoutReplayingTheOldEdits() throws Exception {
        SamplePlan plan = SamplePlan.copy();
        String id = SubmissionTest.submit("cx.rt", plan.studyUid);
        SamplePlan.stow("cx.rt", new ArrayList<>(plan.files.values()));
        SubmissionTest.awaitState(id, "AWAITING_REVIEW");
        assign(id, "dr.li", "李明");
        java.util.UUID room = java.util.UUID.fromString(as("dr.li").post("/api/rt/submissions/{id}/room", id).then()
                .statusCode(200).extract().path("roomId"));
        ReviewTest edits = new ReviewTest();
        edits.log = log;
        edits.addCircle(room, "dr.li", "reviewer", 8, -72, -10, 21.25, 36);
        as("dr.li").contentType(ContentType.JSON).body(Map.of("reason", "PTV 外扩"))
                .post("/api/rt/submissions/{id}/revisions", id).then().statusCode(201).body("number", equalTo(2));
        decide("dr.li", id, Map.of("action", "RETURN", "revision", 2, "requiredChanges",
                List.of(Map.of("category", "TARGET_COVERAGE", "roi", "PTV", "text", "按修订 2 的 PTV 重新计划")))).statusCode(200);
        resubmit("cx.rt", id, List.of(Map.of("change", 1, "done", true))).statusCode(200);
        SamplePlan.stow("cx.rt", plan.corrected(ResubmissionTest::widenCord));
        SubmissionTest.awaitState(id, "AWAITING_REVIEW");
        as("dr.li").post("/api/rt/submissions/{id}/room", id).then().statusCode(200)
                .body("roomId", equalTo(room.toString())).body("baseRevision", equalTo(3));
        edits.addCircle(room, "dr.li", "reviewer", 4, 0, 88.5, 1.25, 7.5);
        JsonPath committed = as("dr.li").contentType(ContentType.JSON).body(Map.of("reason", "脊髓"))
                .post("/api/rt/submissions/{id}/revisions", id).then().statusCode(201).extract().jsonPath();
        assertEquals(4, committed.getInt("number"));
        assertEquals(3, committed.getInt("parentNumber"));
        assertEquals(List.of("SPINALCORD"), committed.getList("changedRois.name"), "the version 1 PTV edit is not replayed");
    }

    @jakarta.inject.Inject
    org.consilium.live.RoomLog log;

    private static void waitForAwaiting(String id, String item) throws InterruptedException {
        List<String> awaiting = null;
        for (int i = 0; i < 100; i++) {
            awaiting = as("cx.rt").get("/api/rt/submissions/{id}", id).then().extract().jsonPath().getList("awaiting");
            if (awaiting.contains(item)) {
                Thread.sleep(1500); // a poll or two more: the unchanged study must not move it on
                assertEquals("AWAITING_OBJECTS", as("cx.rt").get("/api/rt/submissions/{id}", id).then().extract()
                        .path("state"));
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("never awaited '" + item + "': " + awaiting);
    }
}
