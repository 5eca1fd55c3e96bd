package org.consilium.registry.record;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.consilium.consult.board.Board;
import org.consilium.consult.recommendation.RecommendationTest;
import org.consilium.localstack.ConsiliumTestResource;
import org.consilium.localstack.Tokens;
import org.consilium.platform.UuidV7;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(ConsiliumTestResource.class)
class RegistryRecordTest {

    static final String PATH = "/api/registry/records";

    @Inject
    AgroalDataSource db;

    @Test
    void aRecordFillsItselfFromReportRecommendationRadiotherapyAndFollowUp() {
        Known k = knownPatient("柏秀兰");
        Map<String, Object> r = as("cm.wang").body(Map.of("patientId", k.patientId())).post(PATH).then()
                .statusCode(201).body("state", equalTo("DRAFT")).body("revision", equalTo(1))
                .body("primarySite", equalTo("C34")).body("patient.name", equalTo("柏秀兰"))
                .body("content.icd10", equalTo("C34.1")).body("filledFrom.icd10.source", equalTo("REPORT"))
                .body("content.topography", equalTo("C34.1"))
                .body("content.attendingDoctor", equalTo("cx.doctor"))
                .body("filledFrom.attendingDoctor.source", equalTo("CONSULT"))
                .body("content.t", equalTo("cT2a")).body("content.stageGroup", equalTo("IIB"))
                .body("content.tnmEdition", equalTo(8)).body("content.ecog", equalTo(1))
                .body("content.intent", equalTo("CURATIVE"))
                .body("content.treatments.modality", equalTo(List.of("SURGERY", "CHEMOTHERAPY")))
                .body("content.treatments[0].status", equalTo("PLANNED"))
                .body("filledFrom.t.source", equalTo("RECOMMENDATION"))
                .body("filledFrom.t.ref", equalTo("recommendation:" + k.recommendationId()))
                .body("content.rtTotalDoseGy", equalTo(60.0f)).body("content.rtFractions", equalTo(30))
                .body("filledFrom.rtFractions.source", equalTo("RT_REVIEW"))
                .body("filledFrom.rtFractions.ref", equalTo("rt-submission:" + k.submissionId()))
                .body("content.recist", equalTo("PR")).body("content.vitalStatus", equalTo("ALIVE"))
                .body("filledFrom.recist.source", equalTo("FOLLOW_UP"))
                .body("missingForConfirmation", equalTo(List.of("diagnosisDate", "basisOfDiagnosis", "morphology")))
                .extract().as(Map.class);
        as("cm.wang").body(Map.of("patientId", k.patientId())).post(PATH).then().statusCode(409);
        as("platform.admin").queryParam("target", "registry-record:" + r.get("id"))
                .queryParam("action", "registry.record.create").get("/api/audit").then().statusCode(200)
                .body("items.actor", hasItem("cm.wang"));
    }

    @Test
    void theCaseManagerCompletesAndConfirmsAndALaterEditIsANewRevision() {
        Known k = knownPatient("伍淑珍");
        String id = created(k);
        Map<String, Object> content = completed(id);
        as("cm.wang").queryParam("version", 0).body(Map.of("content", content)).put(PATH + "/{id}", id).then()
                .statusCode(200).body("filledFrom.morphology.source", equalTo("CASE_MANAGER"))
                .body("filledFrom.morphology.by", equalTo("王芳")).body("filledFrom.t.source", equalTo("RECOMMENDATION"))
                .body("missingForConfirmation", empty());
        // a refill keeps what the case manager entered
        as("cm.wang").queryParam("version", 1).post(PATH + "/{id}/refill", id).then().statusCode(200)
                .body("content.morphology", equalTo("8140/3")).body("filledFrom.morphology.source",
                        equalTo("CASE_MANAGER"));
        as("cm.wang").queryParam("version", 2).post(PATH + "/{id}/confirm", id).then().statusCode(200)
                .body("state", equalTo("CONFIRMED")).body("confirmedBy", equalTo("王芳"))
                .body("revisions[0].revision", equalTo(1)).body("revisions[0].amendedBy", nullValue());
        as("cm.wang").queryParam("version", 3).post(PATH + "/{id}/confirm", id).then().statusCode(409);
        as("cm.wang").queryParam("version", 3).post(PATH + "/{id}/refill", id).then().statusCode(409);

        content.put("recist", "CR");
        as("cm.wang").queryParam("version", 3).body(Map.of("content", content)).put(PATH + "/{id}", id).then()
                .statusCode(400).body("errors.field", hasItem("reason"));
        as("cm.wang").queryParam("version", 3).body(Map.of("content", content, "reason", "复查CT示完全缓解"))
                .put(PATH + "/{id}", id).then().statusCode(200).body("state", equalTo("DRAFT"))
                .body("revision", equalTo(2)).body("confirmedBy", nullValue())
                .body("revisions[0].amendReason", equalTo("复查CT示完全缓解"))
                .body("revisions[0].amendedBy", equalTo("王芳"));
        assertEquals("PR", revisionContent(id, 1), "the confirmed revision is kept whole");
        as("platform.admin").queryParam("target", "registry-record:" + id)
                .queryParam("action", "registry.record.confirm").get("/api/audit").then()
                .body("items.actor", hasItem("cm.wang"));
    }

    @Test
    void badInputIsAProblemNamingTheFieldAndChangesNothing() {
        String id = created(knownPatient("池月娥"));
        Map<String, Object> before = as("cm.wang").get(PATH + "/{id}", id).then().statusCode(200).extract()
                .as(Map.class);
        Map<String, Object> content = completed(id);
        content.put("icd10", "C99.9");
        content.put("morphology", "814/3");
        content.put("t", "T9");
        as("cm.wang").queryParam("version", 0).body(Map.of("content", content)).put(PATH + "/{id}", id).then()
                .statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:consilium:problem:validation"))
                .body("errors.field", hasItem("icd10")).body("errors.field", hasItem("morphology"))
                .body("errors.field", hasItem("t"));
        Map<String, Object> other = completed(id);
        other.put("icd10", "C50.9");
        as("cm.wang").queryParam("version", 0).body(Map.of("content", other)).put(PATH + "/{id}", id).then()
                .statusCode(400).body("detail", containsString("another primary tumor"));
        Map<String, Object> future = completed(id);
        future.put("diagnosisDate", LocalDate.now().plusDays(3).toString());
        as("cm.wang").queryParam("version", 0).body(Map.of("content", future)).put(PATH + "/{id}", id).then()
                .statusCode(400).body("errors.field", hasItem("diagnosisDate"));
        as("cm.wang").queryParam("version", 0).post(PATH + "/{id}/confirm", id).then().statusCode(400)
                .body("errors.field", hasItem("morphology"));
        as("cm.wang").body(Map.of("patientId", UUID.randomUUID())).post(PATH).then().statusCode(404);
        as("cm.wang").body(Map.of("patientId", before.get("patient") instanceof Map<?, ?> p ? p.get("id") : null,
                "icd10", "X12")).post(PATH).then().statusCode(400);
        as("cx.doctor").queryParam("version", 0).post(PATH + "/{id}/confirm", id).then().statusCode(403);

        Map<String, Object> after = as("cm.wang").get(PATH + "/{id}", id).then().statusCode(200).extract()
                .as(Map.class);
        assertEquals(before.get("version"), after.get("version"));
        assertEquals(before.get("content"), after.get("content"));
        assertEquals(before.get("filledFrom"), after.get("filledFrom"));
    }

    @Test
    void anotherHospitalGets404OnEveryRouteAndItsExportHoldsNoneOfThem() {
        String id = created(knownPatient("滕玉珍"));
        Map<String, Object> content = completed(id);
        as("cx.doctor").get(PATH + "/{id}", id).then().statusCode(200);
        as("fm.doctor").get(PATH + "/{id}", id).then().statusCode(404).contentType("application/problem+json");
        as("fm.doctor").get(PATH + "/{id}/fhir", id).then().statusCode(404);
        as("fm.doctor").queryParam("version", 0).body(Map.of("content", content)).put(PATH + "/{id}", id).then()
                .statusCode(404);
        as("fm.doctor").queryParam("version", 0).post(PATH + "/{id}/refill", id).then().statusCode(404);
        as("fm.doctor").queryParam("version", 0).post(PATH + "/{id}/confirm", id).then().statusCode(404);
        as("fm.doctor").queryParam("limit", 200).get(PATH).then().statusCode(200).body("items.id", not(hasItem(id)));
        as("fm.doctor").queryParam("hospitalId", Board.CHANGXING).get(PATH).then().statusCode(404);
        as("fm.doctor").queryParam("hospitalId", Board.CHANGXING).get(PATH + "/export.csv").then().statusCode(404);
        String csv = new String(as("fm.doctor").get(PATH + "/export.csv").then().statusCode(200).extract()
                .asByteArray(), StandardCharsets.UTF_8);
        assertTrue(!csv.contains(id) && !csv.contains("滕玉珍"), csv);
        as("platform.admin").queryParam("target", "registry-record:" + id).queryParam("outcome", "DENIED")
                .get("/api/audit").then().body("items.actor", hasItem("fm.doctor"));
    }

    @Test
    void theFhirBundleOfARecordValidatesAndTheCsvOpensInExcel() {
        String id = created(knownPatient("钟桂香"));
        as("cm.wang").queryParam("version", 0).body(Map.of("content", completed(id))).put(PATH + "/{id}", id)
                .then().statusCode(200);
        as("cm.wang").queryParam("version", 1).post(PATH + "/{id}/confirm", id).then().statusCode(200);
        String bundle = as("cx.doctor").get(PATH + "/{id}/fhir", id).then().statusCode(200)
                .contentType("application/fhir+json").body("resourceType", equalTo("Bundle"))
                .body("entry[0].resource.name[0].text", equalTo("钟桂香"))
                .body("entry[1].resource.code.coding[0].code", equalTo("C34.1")).extract().asString();
        assertEquals(List.of(), McodeValidation.errors(bundle));

        byte[] bytes = as("cx.doctor").queryParam("state", "CONFIRMED").get(PATH + "/export.csv").then()
                .statusCode(200).contentType(containsString("text/csv")).extract().asByteArray();
        assertEquals(List.of((byte) 0xEF, (byte) 0xBB, (byte) 0xBF), List.of(bytes[0], bytes[1], bytes[2]));
        String csv = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        String[] lines = csv.split("\r\n");
        assertEquals(String.join(",", RecordCsv.headers()), lines[0]);
        String row = java.util.Arrays.stream(lines).filter(l -> l.startsWith(id)).findFirst().orElseThrow();
        assertTrue(row.contains(",钟桂香,") && row.contains(",8140/3,") && row.contains(",CONFIRMED,"), row);
        as("platform.admin").queryParam("action", "registry.record.export").queryParam("limit", 200)
                .get("/api/audit").then().body("items.actor", hasItem("cx.doctor"));
        as("platform.admin").queryParam("target", "registry-record:" + id)
                .queryParam("action", "registry.record.fhir").get("/api/audit").then()
                .body("items.actor", hasItem("cx.doctor"));
    }

    /** The fields a case manager adds to the filled record, as the completion body's content. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> completed(String id) {
        Map<String, Object> content = new HashMap<>(as("cm.wang").get(PATH + "/{id}", id).then().statusCode(200)
                .extract().path("content"));
        content.put("diagnosisDate", "2026-11-02");
        content.put("basisOfDiagnosis", "HISTOLOGY_PRIMARY");
        content.put("morphology", "8140/3");
        content.put("histology", "浸润性腺癌");
        return content;
    }

    static String created(Known k) {
        return as("cm.wang").body(Map.of("patientId", k.patientId())).post(PATH).then().statusCode(201).extract()
                .path("id");
    }

    /** A patient the system knows: reported, consulted with a signed recommendation, RT approved, followed up. */
    record Known(String patientId, String recommendationId, UUID submissionId) {
    }

    Known knownPatient(String name) {
        String study = "1.2.826.0.1.3680043.10.543." + Math.abs(UUID.randomUUID().getMostSignificantBits());
        UUID consult = Board.triagedConsult(db, Board.CHANGXING, "cx.doctor", name, study);
        String patientId = as("cm.wang").get("/api/consults/{id}", consult).then().statusCode(200)
                .extract().path("patient.id");
        Map<String, Object> report = new HashMap<>(Map.of("patientId", patientId, "certainty", "CONFIRMED",
                "icd10", "C34.1", "topography", "C34.1", "detection", "OUTPATIENT", "finding", "右肺上叶占位"));
        as("cx.doctor").body(report).post("/api/registry/reports").then().statusCode(201);
        String recommendation = RecommendationTest.signed(consult);
        UUID submission = approvedPlan(study);
        // the signed recommendation's follow-up started the schedule: setting it up plans it from four months ago
        String schedule = as("cx.doctor").body(Map.of("patientId", patientId, "icd10", "C34.1", "stage", "IIB",
                "startOn", LocalDate.now().minusMonths(4).toString())).post("/api/registry/follow-up-schedules")
                .then().statusCode(200).extract().path("id");
        String visit = as("cx.doctor").get("/api/registry/follow-up-schedules/{id}", schedule).then().extract()
                .path("visits[0].id");
        Map<String, Object> outcome = new HashMap<>(Map.of("contactedOn", LocalDate.now().minusDays(2).toString(),
                "reached", true, "vitalStatus", "ALIVE", "recurrence", false, "progression", false, "recist", "PR"));
        as("cx.doctor").body(outcome).post("/api/registry/follow-up-schedules/{s}/visits/{v}/outcome", schedule, visit)
                .then().statusCode(200);
        return new Known(patientId, recommendation, submission);
    }

    /** An approved RT plan of the study, straight in the database (the review has its own tests). */
    private UUID approvedPlan(String study) {
        UUID id = UuidV7.next();
        Timestamp now = Timestamp.from(Instant.now());
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement("insert into rt_submission"
                + " (id, hospital_id, study_uid, state, disease_site, prescription_gy, fractions, technique, question,"
                + " submitted_by_id, submitted_by, created_at, updated_at, decided_at) values (?, ?, ?, 'APPROVED',"
                + " 'lung', 60, 30, 'IMRT', '请审核靶区', 'x', '冯涛', ?, ?, ?)")) {
            ps.setObject(1, id);
            ps.setObject(2, Board.CHANGXING);
            ps.setString(3, study);
            ps.setTimestamp(4, now);
            ps.setTimestamp(5, now);
            ps.setTimestamp(6, now);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return id;
    }

    private String revisionContent(String id, int revision) {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(
                "select content ->> 'recist' from registry_record_revision where record_id = ? and revision = ?")) {
            ps.setObject(1, UUID.fromString(id));
            ps.setInt(2, revision);
            var rs = ps.executeQuery();
            return rs.next() ? rs.getString(1) : null;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static RequestSpecification as(String user) {
        return given().auth().oauth2(Tokens.of(user)).contentType(ContentType.JSON);
    }
}
