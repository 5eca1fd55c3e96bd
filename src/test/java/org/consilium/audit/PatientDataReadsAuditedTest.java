package org.consilium.audit;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.consilium.localstack.BoardDemo;
import org.consilium.localstack.ConsiliumTestResource;
import org.consilium.localstack.Tokens;
import org.consilium.radiotherapy.SamplePlan;
import org.consilium.radiotherapy.submission.SubmissionTest;
import org.consilium.registry.teaching.TeachingFixtures;
import org.junit.jupiter.api.Test;

/**
 * Every read of patient data is audited (issue 20, item 6). The routes come from {@code /q/openapi}: every
 * GET is presumed to return patient or study data unless {@link #NOT_PATIENT_DATA} says why not, so a new
 * route is covered from the day it appears (this test fails until it is given a caller below). Each one is
 * called, as someone who may read it, against real data (the demo board, a submitted plan, an attachment); it
 * must answer 2xx and leave an audit row with that user, a hospital and a target naming what was read. The
 * audit chain verifies afterwards.
 */
@QuarkusTest
@WithTestResource(ConsiliumTestResource.class)
class PatientDataReadsAuditedTest {

    /** GET routes that return no patient or study data, and why. */
    static final Map<String, String> NOT_PATIENT_DATA = Map.ofEntries(
            Map.entry("/api/audit", "the audit trail itself: actions and targets by id, read by platform admins"),
            Map.entry("/api/audit/verify", "a yes or no on the hash chain"),
            Map.entry("/api/consult-queue/sla", "counts of consults per SLA state"),
            Map.entry("/api/consult-queue/specialists", "staff, not patients"),
            Map.entry("/api/hospitals", "the alliance's member units"),
            Map.entry("/api/hospitals/{id}", "a member unit"),
            Map.entry("/api/hospitals/{id}/staff", "staff, not patients"),
            Map.entry("/api/hospitals/{hospitalId}/application-entities", "DICOM peers of a hospital"),
            Map.entry("/api/hospitals/{hospitalId}/application-entities/{aeId}", "a DICOM peer"),
            Map.entry("/api/me", "the caller's own account"),
            Map.entry("/api/web-config", "the browser app's settings, before log-in"),
            Map.entry("/dicomweb", "the DICOMweb capabilities statement"),
            Map.entry("/api/registry/statistics", "counts and rates over the alliance, no person"),
            Map.entry("/api/registry/follow-up-schedules/doctors", "registry-loop: doctors' names to hand a schedule to, no patient"),
            Map.entry("/api/registry/statistics/dashboard", "counts, rates and percentiles over hospitals, no person"),
            Map.entry("/api/registry/statistics/dashboard.csv", "the dashboard's counts and rates as CSV, no person"),
            Map.entry("/api/registry/statistics/dashboard.xlsx", "the dashboard's counts and rates as XLSX, no person"),
            Map.entry("/api/rt/review-queue/sla", "counts of plans per SLA state"),
            Map.entry("/api/rt/constraint-templates", "the hospital's dose constraint templates"),
            Map.entry("/api/rt/constraint-templates/{site}", "a dose constraint template"),
            Map.entry("/api/rt/constraint-templates/{site}/versions", "versions of a dose constraint template"),
            Map.entry("/api/rt/constraint-templates/{site}/versions/{version}", "a version of a constraint template"));

    @Inject
    AgroalDataSource db;

    /** One call of a route: who calls, the concrete path, and the identifier the audit target must name. */
    record Call(String user, String path, String names) {
    }

    @Test
    void everyReadOfPatientDataWritesAnAuditRowNamingUserHospitalAndTarget() throws Exception {
        Map<String, Call> calls = calls(new Fixture());
        JsonPath api = given().accept(ContentType.JSON).get("/q/openapi").then().statusCode(200).extract().jsonPath();
        Map<String, Map<String, Object>> paths = api.getMap("paths");
        List<String> problems = new ArrayList<>();
        int checked = 0;
        for (String route : new TreeSet<>(paths.keySet())) {
            if (!paths.get(route).containsKey("get") || NOT_PATIENT_DATA.containsKey(route)) {
                continue;
            }
            Call call = calls.get(route);
            if (call == null) {
                problems.add(route + ": returns patient data? give it a caller here, or a reason in NOT_PATIENT_DATA");
                continue;
            }
            long before = lastSeq();
            Response r = given().auth().oauth2(Tokens.of(call.user())).urlEncodingEnabled(false).get(call.path());
            if (r.statusCode() / 100 != 2) {
                problems.add(route + ": " + call.path() + " answered " + r.statusCode() + " to " + call.user());
                continue;
            }
            String found = auditedSince(before, userId(call.user()), call.names());
            if (found != null) {
                problems.add(route + ": " + found);
            }
            checked++;
        }
        assertEquals(List.of(), problems);
        assertTrue(checked >= 40, "only " + checked + " routes were checked");
        given().auth().oauth2(Tokens.of("platform.admin")).get("/api/audit/verify").then().statusCode(200)
                .body("intact", org.hamcrest.Matchers.equalTo(true));
    }

    /** The caller and concrete path of each patient-data route. */
    private static Map<String, Call> calls(Fixture f) {
        Map<String, Call> c = new TreeMap<>();
        String consult = "/api/consults/" + f.consult;
        c.put("/api/consults", new Call("cm.wang", "/api/consults", "consults"));
        c.put("/api/consults/{id}", new Call("cm.wang", consult, f.consult));
        c.put("/api/consults/{id}/attachments/{attachmentId}",
                new Call("cm.wang", consult + "/attachments/" + f.attachment, f.consult));
        c.put("/api/consults/{consultId}/recommendations", new Call("dr.li", consult + "/recommendations", f.consult));
        c.put("/api/consults/{consultId}/recommendations/{id}",
                new Call("dr.li", consult + "/recommendations/" + f.recommendation, f.consult));
        c.put("/api/consults/{consultId}/report", new Call("cm.wang", consult + "/report", f.consult));
        c.put("/api/consults/{consultId}/report/deliveries", new Call("cm.wang", consult + "/report/deliveries", f.consult));
        c.put("/api/consult-queue", new Call("cm.wang", "/api/consult-queue", "consults"));
        c.put("/api/forwarding", new Call("cx.admin", "/api/forwarding", "forward"));
        c.put("/api/forwarding/{id}", new Call("cx.admin", "/api/forwarding/" + f.forwardJob, f.forwardJob));
        c.put("/api/live/rooms/{roomId}", new Call("dr.li", "/api/live/rooms/" + f.room, f.room));
        c.put("/api/live/rooms/{roomId}/events", new Call("dr.li", "/api/live/rooms/" + f.room + "/events", f.room));
        c.put("/api/live/rooms/{roomId}/snapshot", new Call("dr.li", "/api/live/rooms/" + f.room + "/snapshot", f.room));
        c.put("/api/meetings", new Call("dr.li", "/api/meetings", "meeting"));
        c.put("/api/meetings/mine.ics", new Call("dr.li", "/api/meetings/mine.ics", "user:dr.li"));
        c.put("/api/meetings/{id}", new Call("dr.li", "/api/meetings/" + f.meeting, f.meeting));
        c.put("/api/meetings/{id}/calendar.ics", new Call("dr.li", "/api/meetings/" + f.meeting + "/calendar.ics", f.meeting));
        c.put("/api/meetings/{id}/session", new Call("dr.li", "/api/meetings/" + f.meeting + "/session", f.meeting));
        c.put("/api/notifications", new Call("cx.doctor", "/api/notifications", "notification"));
        c.put("/api/patients", new Call("cx.doctor", "/api/patients", "patient"));
        c.put("/api/patients/{id}", new Call("cx.doctor", "/api/patients/" + f.patient, f.patient));
        String rt = "/api/rt/submissions/" + f.submission;
        c.put("/api/rt/submissions", new Call("cm.wang", "/api/rt/submissions", "submission"));
        c.put("/api/rt/submissions/{id}", new Call("cx.rt", rt, f.submission));
        c.put("/api/rt/review-queue", new Call("cm.wang", "/api/rt/review-queue", "rt"));
        c.put("/api/rt/submissions/{id}/report", new Call("cx.rt", rt + "/report", f.submission));
        c.put("/api/rt/submissions/{id}/versions", new Call("cx.rt", rt + "/versions", f.submission));
        c.put("/api/rt/submissions/{id}/decision", new Call("cx.rt", rt + "/decision", f.submission));
        c.put("/api/rt/submissions/{id}/metrics", new Call("cm.wang", rt + "/metrics?from=1&to=1", f.submission));
        c.put("/api/rt/submissions/{id}/dose-impact", new Call("cm.wang", rt + "/dose-impact?from=1&to=1", f.submission));
        c.put("/api/rt/submissions/{id}/revisions", new Call("cx.rt", rt + "/revisions", f.submission));
        c.put("/api/rt/submissions/{id}/revisions/{number}", new Call("cx.rt", rt + "/revisions/1", f.submission));
        c.put("/api/rt/submissions/{id}/revisions/{number}/dose", new Call("cx.rt", rt + "/revisions/1/dose", f.submission));
        c.put("/api/rt/submissions/{id}/revisions/{number}/rtstruct",
                new Call("cx.rt", rt + "/revisions/1/rtstruct", f.submission));
        c.put("/api/registry/reports", new Call("cx.doctor", "/api/registry/reports", "report"));
        c.put("/api/registry/reports/{id}", new Call("cx.doctor", "/api/registry/reports/" + f.tumorReport, f.tumorReport));
        c.put("/api/registry/referrals", new Call("cx.doctor", "/api/registry/referrals", "referral"));
        c.put("/api/registry/referrals/{id}", new Call("cx.doctor", "/api/registry/referrals/" + f.referral, f.referral));
        c.put("/api/registry/follow-up-schedules", new Call("cx.doctor", "/api/registry/follow-up-schedules", "follow"));
        c.put("/api/registry/follow-up-schedules/{id}",
                new Call("cx.doctor", "/api/registry/follow-up-schedules/" + f.schedule, f.schedule));
        // registry-loop: the follow-up worklist and the patient timeline
        c.put("/api/registry/follow-up-schedules/due",
                new Call("cx.doctor", "/api/registry/follow-up-schedules/due?withinDays=366", "follow"));
        c.put("/api/registry/patients/{patientId}/timeline",
                new Call("cx.doctor", "/api/registry/patients/" + f.patient + "/timeline", f.patient));
        String programme = "/api/screening/programmes/" + f.programme;
        c.put("/api/screening/programmes", new Call("cx.doctor", "/api/screening/programmes", "screening"));
        c.put("/api/screening/programmes/{id}", new Call("cx.doctor", programme, f.programme));
        c.put("/api/screening/programmes/{id}/participants",
                new Call("cx.doctor", programme + "/participants", f.programme));
        // teaching (registry.teaching): de-identified, still audited as reads of what came of patient data
        String teachingCase = "/api/teaching/cases/" + f.teachingCase;
        String course = "/api/teaching/courses/" + f.course;
        c.put("/api/teaching/cases", new Call("dr.li", "/api/teaching/cases", "teaching"));
        c.put("/api/teaching/cases/{id}", new Call("cx.rt", teachingCase, f.teachingCase));
        c.put("/api/teaching/cases/{id}/expert-contours", new Call("dr.li", teachingCase + "/expert-contours", f.teachingCase));
        c.put("/api/teaching/courses", new Call("cx.rt", "/api/teaching/courses", "teaching"));
        c.put("/api/teaching/courses/{id}", new Call("cx.rt", course, f.course));
        c.put("/api/teaching/courses/{id}/leaderboard", new Call("dr.li", course + "/leaderboard", f.course));
        c.put("/api/teaching/courses/{id}/cases/{caseId}/attempts/mine",
                new Call("cx.rt", course + "/cases/" + f.teachingCase + "/attempts/mine", f.teachingCase));
        String study = "/dicomweb/studies/" + f.study;
        String series = study + "/series/" + f.series;
        String instance = series + "/instances/" + f.instance;
        c.put("/dicomweb/studies", new Call("cx.rt", "/dicomweb/studies?StudyInstanceUID=" + f.study, f.study));
        c.put("/dicomweb/series", new Call("cx.rt", "/dicomweb/series?StudyInstanceUID=" + f.study, f.study));
        c.put("/dicomweb/instances", new Call("cx.rt", "/dicomweb/instances?StudyInstanceUID=" + f.study, f.study));
        c.put("/dicomweb/studies/{study}", new Call("cx.rt", study, f.study));
        c.put("/dicomweb/studies/{study}/metadata", new Call("cx.rt", study + "/metadata", f.study));
        c.put("/dicomweb/studies/{study}/instances", new Call("cx.rt", study + "/instances", f.study));
        c.put("/dicomweb/studies/{study}/series", new Call("cx.rt", study + "/series", f.study));
        c.put("/dicomweb/studies/{study}/series/{series}", new Call("cx.rt", series, f.study));
        c.put("/dicomweb/studies/{study}/series/{series}/metadata", new Call("cx.rt", series + "/metadata", f.study));
        c.put("/dicomweb/studies/{study}/series/{series}/instances", new Call("cx.rt", series + "/instances", f.study));
        c.put("/dicomweb/studies/{study}/series/{series}/instances/{instance}", new Call("cx.rt", instance, f.study));
        c.put("/dicomweb/studies/{study}/series/{series}/instances/{instance}/metadata",
                new Call("cx.rt", instance + "/metadata", f.study));
        c.put("/dicomweb/studies/{study}/series/{series}/instances/{instance}/frames/{frames}",
                new Call("cx.rt", instance + "/frames/1", f.study));
        c.put("/dicomweb/studies/{study}/series/{series}/instances/{instance}/bulk/{tag}",
                new Call("cx.rt", instance + "/bulk/7FE00010", f.study));
        // --- registry records and their exports (org.consilium.registry.record) ---
        String record = "/api/registry/records/" + f.registryRecord;
        c.put("/api/registry/records", new Call("cx.doctor", "/api/registry/records", "registry-records"));
        c.put("/api/registry/records/export.csv",
                new Call("cx.doctor", "/api/registry/records/export.csv", "registry-records"));
        c.put("/api/registry/records/{id}", new Call("cx.doctor", record, f.registryRecord));
        c.put("/api/registry/records/{id}/fhir", new Call("cx.doctor", record + "/fhir", f.registryRecord));
        // --- end of registry records ---
        return c;
    }

    /** Real data to read: the demo board (a signed consult, its meeting and room), a plan, an attachment. */
    static final class Fixture {
        final String consult;
        final String patient;
        final String recommendation;
        final String attachment;
        final String meeting;
        final String room;
        final String forwardJob;
        final String tumorReport;
        final String referral;
        final String programme;
        final String schedule;
        final String registryRecord;
        final String submission;
        final String study;
        final String series;
        final String instance;
        final String teachingCase;
        final String course;

        Fixture() throws Exception {
            new BoardDemo("http://localhost:" + RestAssured.port, ConsiliumTestResource.stack().keycloak().issuer()).load();
            JsonPath signed = as("cm.wang").queryParam("state", "SIGNED").queryParam("limit", 200).get("/api/consults")
                    .then().statusCode(200).extract().jsonPath();
            consult = signed.getString("items.find { it.patientName == '张三' }.id");
            JsonPath view = as("cm.wang").get("/api/consults/{id}", consult).then().statusCode(200).extract().jsonPath();
            patient = view.getString("patient.id");
            recommendation = as("dr.li").get("/api/consults/{id}/recommendations", consult).then().statusCode(200)
                    .extract().jsonPath().getString("[0].id");
            attachment = as("cm.wang").contentType("application/pdf").queryParam("kind", "PATHOLOGY")
                    .queryParam("filename", "audit.pdf")
                    .body("%PDF-1.4\n% audit test\n%%EOF\n".getBytes(StandardCharsets.US_ASCII))
                    .post("/api/consults/{id}/attachments", consult).then().statusCode(201).extract().path("id");
            JsonPath meetings = as("dr.li").get("/api/meetings").then().statusCode(200).extract().jsonPath();
            meeting = meetings.getString("find { it.title.startsWith('临时会诊：张三') }.id");
            room = as("dr.li").get("/api/meetings/{id}/session", meeting).then().statusCode(200).extract()
                    .path("roomId");
            SamplePlan plan = SamplePlan.copy();
            submission = SubmissionTest.submit("cx.rt", plan.studyUid);
            SamplePlan.stow("cx.rt", new ArrayList<>(plan.files.values()));
            SubmissionTest.awaitState(submission, "AWAITING_REVIEW");
            study = plan.studyUid;
            JsonPath first = as("cx.rt").get("/dicomweb/studies/{s}/instances", study).then().statusCode(200).extract()
                    .jsonPath();
            int ct = first.getList("'00080060'.Value[0]").indexOf("CT");
            series = first.getString("[" + ct + "].'0020000E'.Value[0]");
            instance = first.getString("[" + ct + "].'00080018'.Value[0]");
            forwardJob = forwardJob(study);
            tumorReport = as("cx.doctor").contentType(ContentType.JSON).body(Map.of(
                            "patient", Map.of("localId", "AUDIT-" + System.nanoTime(), "name", "审计", "sex", "F"),
                            "certainty", "SUSPECTED", "icd10", "C34.1", "topography", "C34.1", "detection", "SCREENING",
                            "finding", "低剂量CT：右肺上叶结节 / LDCT: right upper lobe nodule"))
                    .post("/api/registry/reports").then().statusCode(201).extract().path("id");
            referral = as("cx.doctor").contentType(ContentType.JSON).body(Map.of("direction", "UP", "patientId", patient,
                            "toHospitalId", "019a0000-0000-7000-8000-000000000001", "reason", "疑似肺癌 / suspected lung cancer"))
                    .post("/api/registry/referrals").then().statusCode(201).extract().path("id");
            programme = as("cm.wang").contentType(ContentType.JSON).body(Map.of("name", "审计筛查 / audit screening",
                            "site", "C18-C20", "year", 2026, "targets", List.of(Map.of("hospitalId",
                                    "019a0000-0000-7000-8000-000000000002", "population", 100))))
                    .post("/api/screening/programmes").then().statusCode(201).extract().path("id");
            schedule = as("cx.doctor").contentType(ContentType.JSON).body(Map.of("patientId", patient, "icd10", "C34.1",
                            "stage", "IIB", "startOn", "2026-01-01"))
                    .post("/api/registry/follow-up-schedules").then().statusCode(200) // started by the signed consult
                    .extract().path("id");
            registryRecord = as("cm.wang").contentType(ContentType.JSON).body(Map.of("patientId", patient, "icd10", "C34.1"))
                    .post("/api/registry/records").then().statusCode(201).extract().path("id");
            teachingCase = TeachingFixtures.teachingCase(TeachingFixtures.approvedReview().submission()).getString("id");
            course = TeachingFixtures.course(teachingCase);
            JsonPath expert = as("dr.li").get("/api/teaching/cases/{id}/expert-contours", teachingCase).then()
                    .statusCode(200).extract().jsonPath();
            as("cx.rt").contentType(ContentType.JSON).body(TeachingFixtures.shiftedAttempt(expert, "GTV", 1))
                    .post("/api/teaching/courses/{c}/cases/{id}/attempts", course, teachingCase).then().statusCode(201);
        }

        /** A forwarding job of the plan's study to a peer of its hospital (that nobody answers: the job stays queued). */
        private static String forwardJob(String study) {
            String hospital = as("cx.admin").get("/api/me").then().statusCode(200).extract().path("hospital.id");
            as("cx.admin").contentType(ContentType.JSON)
                    .body(Map.of("aeTitle", "AUDIT_PEER", "host", "127.0.0.1", "port", 9, "mayReceive", true))
                    .post("/api/hospitals/{h}/application-entities", hospital);
            return as("cx.admin").contentType(ContentType.JSON).body(Map.of("targetAe", "AUDIT_PEER", "studyUid", study))
                    .post("/api/forwarding").then().statusCode(202).extract().path("[0].id");
        }
    }

    private static io.restassured.specification.RequestSpecification as(String user) {
        return given().auth().oauth2(Tokens.of(user));
    }

    private static String userId(String user) {
        return as(user).get("/api/me").then().statusCode(200).extract().path("id");
    }

    private long lastSeq() throws Exception {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement("select coalesce(max(seq), 0) from audit");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Null when an audit row after {@code seq} has the user, a hospital and an action, target or detail naming {@code names}. */
    private String auditedSince(long seq, String actorId, String names) throws Exception {
        List<String> seen = new ArrayList<>();
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(
                "select actor_id, hospital_id, action, target, detail from audit where seq > ? order by seq")) {
            ps.setLong(1, seq);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String row = rs.getString(3) + " " + rs.getString(4) + " by " + rs.getString(1)
                            + " hospital " + rs.getString(2);
                    seen.add(row);
                    String where = rs.getString(3) + " " + rs.getString(4) + " " + rs.getString(5);
                    if (actorId.equals(rs.getString(1)) && rs.getString(2) != null && where.contains(names)) {
                        return null;
                    }
                }
            }
        }
        return "no audit row by " + actorId + " with a hospital naming " + names + "; rows written: " + seen;
    }
}
