package org.consilium.radiotherapy.submission;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.consilium.dicom.dict.Tag;
import org.consilium.dicom.dict.VR;
import org.consilium.localstack.ConsiliumTestResource;
import org.consilium.localstack.Tokens;
import org.consilium.radiotherapy.SamplePlan;
import org.junit.jupiter.api.Test;

/** Submitting a plan: waiting for its objects in any order, the consistency checks, who may see it. */
@QuarkusTest
@WithTestResource(ConsiliumTestResource.class)
public class SubmissionTest {

    static Map<String, Object> request(String studyUid) {
        Map<String, Object> r = new HashMap<>();
        r.put("studyInstanceUid", studyUid);
        r.put("diseaseSite", "lung");
        r.put("prescription", Map.of("totalDoseGy", 60, "fractions", 30));
        r.put("technique", "IMRT");
        r.put("clinicalNotes", "右肺上叶腺癌 cT2aN0M0");
        r.put("question", "请审核 PTV 外扩及脊髓勾画");
        return r;
    }

    public static String submit(String user, String studyUid) {
        return given().auth().oauth2(Tokens.of(user)).contentType(ContentType.JSON).body(request(studyUid))
                .post("/api/rt/submissions").then().statusCode(201)
                .body("state", equalTo("AWAITING_OBJECTS")).extract().path("id");
    }

    static JsonPath read(String user, String id) {
        return given().auth().oauth2(Tokens.of(user)).get("/api/rt/submissions/{id}", id).then().statusCode(200)
                .extract().jsonPath();
    }

    /** Polls until the submission leaves AWAITING_OBJECTS or the study's change has been looked at. */
    public static JsonPath awaitState(String id, String state) throws InterruptedException {
        JsonPath s = null;
        for (int i = 0; i < 150; i++) {
            s = read("cx.rt", id);
            if (state.equals(s.getString("state"))) {
                return s;
            }
            Thread.sleep(200);
        }
        return fail("submission " + id + " never reached " + state + ": " + s.prettify());
    }

    @Test
    void objectsArrivingInAnyOrderMoveTheSubmissionIntoTheReviewQueue() throws Exception {
        SamplePlan plan = SamplePlan.copy();
        String id = submit("cx.rt", plan.studyUid);
        List<byte[]> ct = plan.select("CT");
        Collections.shuffle(ct, new Random(21));
        SamplePlan.stow("cx.rt", plan.select("RTDOSE", "RTPLAN"));
        SamplePlan.stow("cx.rt", ct.subList(0, 40));
        awaitAwaiting(id, "RTSTRUCT");
        SamplePlan.stow("cx.rt", plan.select("RTSTRUCT"));
        awaitAwaiting(id, "CT: 56 of 96 images referenced by the RTSTRUCT");
        assertEquals("AWAITING_OBJECTS", read("cx.rt", id).getString("state"));
        SamplePlan.stow("cx.rt", ct.subList(40, 96));
        JsonPath s = awaitState(id, "AWAITING_REVIEW");
        assertEquals(List.of(), s.getList("awaiting"));
        assertEquals(List.of(), s.getList("findings.findAll { it.severity == 'ERROR' }"));
        Map<String, Object> cord = s.getMap("findings.find { it.code == 'dose-grid-does-not-cover-roi' }");
        assertEquals("WARNING", cord.get("severity"));
        assertEquals("4 SPINALCORD", cord.get("roi"));
        assertEquals("GridFrameOffsetVector (3004,000C)", cord.get("attribute"));
        assertTrue(s.getString("objects.rtdoseUid").startsWith("2.25."));
        assertTrue(s.getString("objectsCompleteAt") != null);
    }

    @Test
    void aDoseInAnotherFrameOfReferenceBlocksReviewWithAnErrorNamingTheAttribute() throws Exception {
        SamplePlan plan = SamplePlan.copy(sets -> sets.get("RTDOSE.dcm")
                .setString(Tag.FrameOfReferenceUID, VR.UI, SamplePlan.newUid()));
        String id = submit("cx.rt", plan.studyUid);
        SamplePlan.stow("cx.rt", new ArrayList<>(plan.files.values()));
        JsonPath s = awaitState(id, "BLOCKED");
        Map<String, Object> error = s.getMap("findings.find { it.code == 'frame-of-reference-mismatch' }");
        assertEquals("ERROR", error.get("severity"));
        assertEquals("RTDOSE", error.get("object"));
        assertEquals("FrameOfReferenceUID (0020,0052)", error.get("attribute"));
    }

    @Test
    void onlyTheSubmittingHospitalCaseManagersAndAdminsSeeASubmission() {
        String id = submit("cx.rt", SamplePlan.newUid());
        given().auth().oauth2(Tokens.of("cx.doctor")).get("/api/rt/submissions/{id}", id).then().statusCode(200);
        given().auth().oauth2(Tokens.of("cm.wang")).get("/api/rt/submissions/{id}", id).then().statusCode(200);
        given().auth().oauth2(Tokens.of("platform.admin")).get("/api/rt/submissions/{id}", id).then().statusCode(200);
        for (String outsider : List.of("fm.rt", "fm.admin", "dr.li")) {
            given().auth().oauth2(Tokens.of(outsider)).get("/api/rt/submissions/{id}", id).then().statusCode(404)
                    .contentType("application/problem+json").body("type", equalTo("urn:consilium:problem:not-found"));
            given().auth().oauth2(Tokens.of(outsider)).get("/api/rt/submissions").then().statusCode(200)
                    .body("items.id", org.hamcrest.Matchers.not(hasItem(id)));
        }
        given().auth().oauth2(Tokens.of("cm.wang")).get("/api/rt/submissions").then().statusCode(200)
                .body("items.id", hasItem(id));
    }

    @Test
    void onlyCountyRadiotherapyStaffSubmitAndBadRequestsAreRejected() {
        for (String user : List.of("dr.li", "cx.doctor", "phys.chen")) {
            given().auth().oauth2(Tokens.of(user)).contentType(ContentType.JSON).body(request(SamplePlan.newUid()))
                    .post("/api/rt/submissions").then().statusCode(403).contentType("application/problem+json");
        }
        Map<String, Object> bad = request("not-a-uid");
        bad.put("technique", "MAGIC");
        given().auth().oauth2(Tokens.of("cx.rt")).contentType(ContentType.JSON).body(bad)
                .post("/api/rt/submissions").then().statusCode(400).contentType("application/problem+json");
        String study = SamplePlan.newUid();
        submit("cx.rt", study);
        given().auth().oauth2(Tokens.of("cx.rt")).contentType(ContentType.JSON).body(request(study))
                .post("/api/rt/submissions").then().statusCode(409).contentType("application/problem+json");
    }

    private static void awaitAwaiting(String id, String item) throws InterruptedException {
        List<String> awaiting = null;
        for (int i = 0; i < 150; i++) {
            awaiting = read("cx.rt", id).getList("awaiting");
            if (awaiting.stream().anyMatch(a -> a.startsWith(item))) {
                return;
            }
            Thread.sleep(200);
        }
        fail("submission " + id + " never awaited '" + item + "': " + awaiting);
    }
}
