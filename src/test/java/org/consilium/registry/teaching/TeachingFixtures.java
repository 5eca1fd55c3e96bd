package org.consilium.registry.teaching;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.consilium.localstack.Tokens;
import org.consilium.radiotherapy.SamplePlan;
import org.consilium.radiotherapy.submission.SubmissionTest;

/**
 * Real data for the teaching tests, made through the public API: an approved radiotherapy review of a fresh
 * copy of the lung phantom, a teaching case of it, a course with cx.rt (长兴) enrolled.
 */
public final class TeachingFixtures {

    private TeachingFixtures() {
    }

    /** A plan approved by the physician (dr.li) and the physicist (phys.chen) on revision 1. */
    public record Approved(SamplePlan plan, String submission) {
    }

    public static Approved approvedReview() throws Exception {
        SamplePlan plan = SamplePlan.copy();
        String id = SubmissionTest.submit("cx.rt", plan.studyUid);
        SamplePlan.stow("cx.rt", new ArrayList<>(plan.files.values()));
        SubmissionTest.awaitState(id, "AWAITING_REVIEW");
        for (var reviewer : Map.of("dr.li", "李明", "phys.chen", "陈静").entrySet()) {
            as("cm.wang").contentType(ContentType.JSON).body(Map.of("userId", userId(reviewer.getKey()), "displayName",
                    reviewer.getValue())).post("/api/rt/submissions/{id}/reviewers", id).then().statusCode(204);
        }
        for (String reviewer : List.of("dr.li", "phys.chen")) {
            as(reviewer).contentType(ContentType.JSON).body(Map.of("action", "APPROVE", "revision", 1,
                    "note", "靶区勾画规范 / targets well delineated")).post("/api/rt/submissions/{id}/decision", id)
                    .then().statusCode(200);
        }
        return new Approved(plan, id);
    }

    /** A teaching case of the review, made by dr.li; its JSON. */
    public static JsonPath teachingCase(String submission) {
        return as("dr.li").contentType(ContentType.JSON).body(Map.of("source", "RT_REVIEW", "sourceId", submission,
                        "stage", "IIB")).post("/api/teaching/cases").then().statusCode(201).extract().jsonPath();
    }

    /** A course by dr.li holding the case, cx.rt enrolled; its id. */
    public static String course(String caseId) {
        String course = as("dr.li").contentType(ContentType.JSON).body(Map.of("title", "靶区勾画 / delineation",
                "caseIds", List.of(caseId))).post("/api/teaching/courses").then().statusCode(201).extract().path("id");
        as("dr.li").contentType(ContentType.JSON).body(Map.of("hospitalId", hospitalOf("cx.rt"), "username", "cx.rt"))
                .post("/api/teaching/courses/{id}/trainees", course).then().statusCode(200);
        return course;
    }

    /** A body for POST …/attempts: every plane of the expert's ROI {@code roi} moved by {@code dx} mm in x. */
    public static Map<String, Object> shiftedAttempt(JsonPath expert, String roi, double dx) {
        List<Map<String, Object>> planes = new ArrayList<>();
        List<Map<String, Object>> source = expert.getList("rois.find { it.name == '" + roi + "' }.planes");
        for (Map<String, Object> plane : source) {
            List<List<Double>> polygons = new ArrayList<>();
            for (Object p : (List<?>) plane.get("polygons")) {
                List<?> points = (List<?>) ((Map<?, ?>) p).get("points");
                List<Double> moved = new ArrayList<>();
                for (int i = 0; i < points.size(); i++) {
                    double v = ((Number) points.get(i)).doubleValue();
                    moved.add(i % 3 == 0 ? v + dx : v);
                }
                polygons.add(moved);
            }
            planes.add(Map.of("z", plane.get("z"), "sopInstanceUid", plane.get("sopInstanceUid"), "polygons", polygons));
        }
        return Map.of("rois", List.of(Map.of("name", roi, "planes", planes)));
    }

    public static RequestSpecification as(String user) {
        return given().auth().oauth2(Tokens.of(user));
    }

    public static String userId(String user) {
        return as(user).get("/api/me").then().statusCode(200).extract().path("id");
    }

    public static String hospitalOf(String user) {
        return as(user).get("/api/me").then().statusCode(200).extract().path("hospital.id");
    }
}
