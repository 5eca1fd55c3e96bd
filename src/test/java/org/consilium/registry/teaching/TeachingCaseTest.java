package org.consilium.registry.teaching;

import static org.consilium.registry.teaching.TeachingFixtures.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.consilium.dicom.data.Attributes;
import org.consilium.dicom.dict.Tag;
import org.consilium.dicom.io.DicomReader;
import org.consilium.localstack.BoardDemo;
import org.consilium.localstack.ConsiliumTestResource;
import org.consilium.radiotherapy.SamplePlan;
import org.junit.jupiter.api.Test;

/** A signed consult or an approved review becomes a de-identified teaching case with the expert contours on its UIDs. */
@QuarkusTest
@WithTestResource(ConsiliumTestResource.class)
class TeachingCaseTest {

    static final String DEMO_STUDY = "1.2.826.0.1.3680043.10.1453.2.1.3";

    @Test
    void anApprovedReviewBecomesADeidentifiedCaseWhoseContoursReferenceTheNewUids() throws Exception {
        TeachingFixtures.Approved approved = TeachingFixtures.approvedReview();
        JsonPath made = TeachingFixtures.teachingCase(approved.submission());
        String caseId = made.getString("id");
        String study = made.getString("studyUid");
        assertNotEquals(approved.plan().studyUid, study);
        assertEquals(List.of("GTV", "CTV", "PTV"), made.getList("targetRois"));
        assertEquals("lung", made.getString("site"));
        assertTrue(made.getString("summary.prescription").startsWith("60.0 Gy / 30 fx"));

        // every original UID and identifier, from the files that were stored
        Set<String> originalUids = new HashSet<>();
        for (byte[] file : approved.plan().files.values()) {
            Attributes ds = new DicomReader().read(new java.io.ByteArrayInputStream(file)).dataset();
            originalUids.add(ds.getString(Tag.SOPInstanceUID));
            originalUids.add(ds.getString(Tag.SeriesInstanceUID));
            originalUids.add(ds.getString(Tag.FrameOfReferenceUID));
        }
        originalUids.remove(null);
        originalUids.add(approved.plan().studyUid);

        String metadata = as("dr.li").accept("application/dicom+json").get("/dicomweb/studies/{s}/metadata", study)
                .then().statusCode(200).extract().asString();
        JsonPath instances = new JsonPath(metadata);
        int count = instances.getList("$").size();
        assertEquals(96, count, "the CT only: the structure set, plan and dose stay out of the teaching study");
        assertEquals(Set.of("CT"), new HashSet<>(instances.getList("'00080060'.Value.flatten()")));
        assertEquals(Set.of("YES"), new HashSet<>(instances.getList("'00120062'.Value.flatten()")), "Patient Identity Removed");
        assertEquals(Set.of("TEACHING^CASE"), new HashSet<>(instances.getList("'00100010'.Value.flatten().Alphabetic")));
        for (String forbidden : List.of("TEST^Lung", "Lung^", "PHANTOM-LUNG")) {
            assertFalse(metadata.contains(forbidden), "the teaching study still names " + forbidden);
        }
        for (String uid : originalUids) {
            assertFalse(metadata.contains(uid), "the teaching study still holds original UID " + uid);
        }
        Set<String> newSops = new HashSet<>(instances.getList("'00080018'.Value.flatten()"));
        String newFrame = instances.getString("[0].'00200052'.Value[0]");
        String newSeries = instances.getString("[0].'0020000E'.Value[0]");

        String contoursText = as("dr.li").get("/api/teaching/cases/{id}/expert-contours", caseId).then().statusCode(200)
                .extract().asString();
        JsonPath contours = new JsonPath(contoursText);
        for (String uid : originalUids) {
            assertFalse(contoursText.contains(uid), "the expert contours still name original UID " + uid);
        }
        assertEquals(newFrame, contours.getString("frameOfReferenceUid"));
        assertEquals(study, contours.getString("referencedSeries.studyInstanceUid"));
        assertEquals(newSeries, contours.getString("referencedSeries.seriesInstanceUid"));
        assertEquals(newSeries, made.getString("ctSeriesUid"));
        List<String> referenced = contours.getList("rois.planes.flatten().polygons.flatten().images.flatten().sopInstanceUid");
        assertFalse(referenced.isEmpty());
        List<String> strays = referenced.stream().filter(u -> !newSops.contains(u)).distinct().toList();
        assertEquals(96, newSops.size());
        assertEquals(List.of(), strays, "every contour references an image of the teaching study");
        assertEquals(8, contours.getList("rois").size());

        // the same review again: the case already made
        as("dr.li").contentType(ContentType.JSON).body(Map.of("source", "RT_REVIEW", "sourceId", approved.submission()))
                .post("/api/teaching/cases").then().statusCode(200).body("id", equalTo(caseId));
        as("dr.li").queryParam("site", "LU").queryParam("stage", "iib").queryParam("limit", 200)
                .get("/api/teaching/cases").then().statusCode(200).body("items.id", hasItem(caseId));
        as("dr.li").queryParam("site", "lung").queryParam("stage", "IVA").queryParam("limit", 200)
                .get("/api/teaching/cases").then().statusCode(200).body("items.id", not(hasItem(caseId)));
        // a county clinician makes no teaching cases
        as("cx.doctor").contentType(ContentType.JSON).body(Map.of("source", "RT_REVIEW", "sourceId", approved.submission()))
                .post("/api/teaching/cases").then().statusCode(403);
    }

    @Test
    void twoTeachersMakingACaseOfOneReviewAtOnceGetTheSameCase() throws Exception {
        TeachingFixtures.Approved approved = TeachingFixtures.approvedReview();
        Map<String, Object> body = Map.of("source", "RT_REVIEW", "sourceId", approved.submission());
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            List<java.util.concurrent.Future<io.restassured.response.Response>> answers = pool.invokeAll(List.of(
                    () -> as("dr.li").contentType(ContentType.JSON).body(body).post("/api/teaching/cases"),
                    () -> as("dr.li").contentType(ContentType.JSON).body(body).post("/api/teaching/cases")));
            Set<Integer> statuses = new HashSet<>();
            Set<String> ids = new HashSet<>();
            for (var answer : answers) {
                io.restassured.response.Response r = answer.get();
                statuses.add(r.statusCode());
                ids.add(r.jsonPath().getString("id"));
            }
            assertEquals(Set.of(200, 201), statuses, "one made it, the other got it: " + statuses);
            assertEquals(1, ids.size(), "one case: " + ids);
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void aSignedConsultBecomesACaseWithItsRecommendationAndNoIdentifiers() throws Exception {
        String consult = signedDemoConsult();
        JsonPath made = as("dr.li").contentType(ContentType.JSON).body(Map.of("source", "CONSULT", "sourceId", consult))
                .post("/api/teaching/cases").then().log().ifValidationFails().statusCode(201).extract().jsonPath();
        assertEquals("lung", made.getString("site"));
        assertEquals("IIB", made.getString("stage"));
        assertEquals("CURATIVE", made.getString("summary.intent"));
        assertTrue(made.getString("summary.rationale").contains("T2a"));
        String text = made.prettify();
        for (String identifier : List.of("张三", "CN-0001", "1956-02-03", DEMO_STUDY)) {
            assertFalse(text.contains(identifier), "the case names " + identifier);
        }
        String metadata = as("dr.li").accept("application/dicom+json")
                .get("/dicomweb/studies/{s}/metadata", made.getString("studyUid")).then().statusCode(200).extract().asString();
        assertFalse(metadata.contains("张") || metadata.contains("ZHANG"), "the teaching study names the patient");
        assertEquals(Set.of("YES"), new HashSet<>(new JsonPath(metadata).getList("'00120062'.Value.flatten()")));
    }

    @Test
    void aConsultsStudiesAreDeidentifiedInOneRequest() throws Exception {
        String consult = signedDemoConsult();
        Map<String, Object> body = Map.of("pseudonymId", "RESEARCH-7", "pseudonymName", "RESEARCH^SEVEN",
                "retainLongitudinalModifiedDates", true);
        as("cx.doctor").contentType(ContentType.JSON).body(body).post("/api/consults/{id}/deidentify", consult)
                .then().statusCode(404);
        as("dr.li").contentType(ContentType.JSON).body(body).post("/api/consults/{id}/deidentify", consult)
                .then().statusCode(404);
        as("cm.wang").contentType(ContentType.JSON).body(Map.of("pseudonymId", "", "pseudonymName", "X"))
                .post("/api/consults/{id}/deidentify", consult).then().statusCode(400);
        // the signed opinion (Encapsulated PDF, Burned In Annotation YES) is in the study: refused unless accepted
        as("cm.wang").contentType(ContentType.JSON).body(body).post("/api/consults/{id}/deidentify", consult)
                .then().statusCode(409);
        Map<String, Object> accepting = new java.util.HashMap<>(body);
        accepting.put("acceptBurnedInAnnotation", true);
        JsonPath made = as("cm.wang").contentType(ContentType.JSON).body(accepting)
                .post("/api/consults/{id}/deidentify", consult).then().log().ifValidationFails().statusCode(200)
                .extract().jsonPath();
        assertEquals(List.of(DEMO_STUDY), made.getList("sourceStudyUid"));
        String study = made.getString("[0].studyUid");
        String metadata = as("cm.wang").accept("application/dicom+json").get("/dicomweb/studies/{s}/metadata", study)
                .then().statusCode(200).extract().asString();
        JsonPath instances = new JsonPath(metadata);
        assertEquals(made.getInt("[0].instances"), instances.getList("$").size());
        assertEquals(Set.of("RESEARCH-7"), new HashSet<>(instances.getList("'00100020'.Value.flatten()")));
        assertFalse(metadata.contains("张"));
    }

    /** The demo board's signed consult of 张三, its study (the ISO_IR 192 sample) stored at 长兴. */
    static String signedDemoConsult() throws Exception {
        new BoardDemo("http://localhost:" + RestAssured.port, ConsiliumTestResource.stack().keycloak().issuer()).load();
        if (as("cx.doctor").get("/dicomweb/studies/" + DEMO_STUDY + "/series?Modality=CT").then().extract().asString()
                .length() < 10) {
            List<byte[]> files = new java.util.ArrayList<>();
            try (var paths = java.nio.file.Files.list(java.nio.file.Path.of("dicom-samples/chinese-name/ISO_IR_192"))) {
                for (var p : paths.sorted().toList()) {
                    files.add(java.nio.file.Files.readAllBytes(p));
                }
            }
            SamplePlan.stow("cx.doctor", files);
        }
        // other test classes of the run sign consults of a 张三 too: the demo board's is the one of its study alone
        List<String> signed = as("cm.wang").queryParam("state", "SIGNED").queryParam("limit", 200).get("/api/consults")
                .then().statusCode(200).extract().jsonPath().getList("items.findAll { it.patientName == '张三' }.id");
        return signed.stream().filter(id -> as("cm.wang").get("/api/consults/{id}", id).then().statusCode(200).extract()
                .jsonPath().getList("studies.studyUid").equals(List.of(DEMO_STUDY))).findFirst()
                .orElseThrow(() -> new AssertionError("the demo board's signed consult is missing: " + signed));
    }
}
