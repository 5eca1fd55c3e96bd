package org.consilium.registry.statistics;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * A small alliance year (2019, when no other test writes) seeded straight into the tables, with figures that are
 * easy to work out by hand: see {@link AllianceStatisticsTest} for the arithmetic.
 */
final class SeededAlliance {

    static final UUID PROV = UUID.fromString("019a0000-0000-7000-8000-000000000001");
    static final UUID CX = UUID.fromString("019a0000-0000-7000-8000-000000000002");
    static final UUID FM = UUID.fromString("019a0000-0000-7000-8000-000000000003");
    static final Instant H = Instant.parse("2019-01-01T00:00:00Z");

    UUID programme;
    private final Connection c;

    private SeededAlliance(Connection c) {
        this.c = c;
    }

    static SeededAlliance seed(DataSource db) throws SQLException {
        try (Connection c = db.getConnection()) {
            SeededAlliance s = new SeededAlliance(c);
            s.fill();
            return s;
        }
    }

    private void fill() throws SQLException {
        UUID pa = patient(CX);
        UUID pb = patient(CX);
        UUID pc = patient(CX);
        UUID pd = patient(FM);
        screening();
        report(CX, pa, "C18.7", "OUTPATIENT", at("2019-03-01T00:00:00Z"), Duration.ofHours(2));
        report(CX, pb, "C18.2", "SCREENING", at("2019-03-02T00:00:00Z"), Duration.ofHours(30));
        report(CX, pc, "C34.1", "INPATIENT", at("2019-04-01T00:00:00Z"), null);
        report(FM, pd, "C16.0", "OUTPATIENT", at("2019-06-01T00:00:00Z"), Duration.ofHours(10));
        update("insert into outward_referral (id, hospital_id, patient_id, destination, referred_on, recorded_by_id,"
                + " recorded_by, recorded_at) values (?, ?, ?, '复旦大学附属肿瘤医院', date '2019-03-20', 'x', 'x', now())",
                UUID.randomUUID(), CX, pa);
        UUID u1 = referral("UP", pa, CX, PROV, at("2019-03-05T00:00:00Z"));
        item(u1, "RECOGNISED");
        item(u1, "REPEATED");
        UUID u2 = referral("UP", pd, FM, PROV, at("2019-07-10T00:00:00Z"));
        item(u2, "RECOGNISED");
        item(u2, null);
        referral("DOWN", pb, PROV, CX, at("2019-07-20T00:00:00Z"));
        UUID s1 = schedule(CX, pa);
        visit(s1, "2019-02-01", "DONE");
        visit(s1, "2019-05-01", "OPEN");
        visit(s1, "2019-08-01", "CANCELLED");
        visit(s1, "2020-01-10", "OPEN");
        visit(schedule(FM, pd), "2019-03-01", "DONE");
        consult(CX, pa, at("2019-01-10T00:00:00Z"), 1, 25, 49);
        consult(CX, pb, at("2019-01-20T00:00:00Z"), 3, null, null);
        consult(CX, pc, at("2019-02-05T00:00:00Z"), 5, 15, null);
        consult(FM, pd, at("2019-03-01T00:00:00Z"), 2, 6, 8);
        radiotherapy();
    }

    /** Targets CX 10 and FM 5; see the test for who is screened, at high risk and found what. */
    private void screening() throws SQLException {
        programme = UUID.randomUUID();
        update("insert into screening_programme (id, name, site, year, organiser_hospital_id, created_by, created_at)"
                + " values (?, '2019年结直肠癌筛查', 'COLORECTAL', 2019, ?, 'x', now())", programme, PROV);
        update("insert into screening_target (programme_id, hospital_id, population) values (?, ?, 10), (?, ?, 5)",
                programme, CX, programme, FM);
        participant(CX, "2019-04-01", false, "NEGATIVE", null, null);
        participant(CX, "2019-04-01", null, "POSITIVE", "2019-05-01", "CANCER");
        participant(CX, "2019-04-02", true, "NEGATIVE", null, null);
        participant(CX, "2019-04-02", null, null, null, null);
        participant(CX, "2019-04-03", null, "POSITIVE", "2019-05-03", "NORMAL");
        participant(CX, "2018-12-31", null, "POSITIVE", null, null);
        participant(FM, "2019-06-01", true, null, "2019-06-20", "PRECANCEROUS");
    }

    /** CX: s1 approved first time, s2 approved after a return, s3 returned, s4 waiting, s5 not queued. */
    private void radiotherapy() throws SQLException {
        UUID s1 = submission("APPROVED", true);
        decision(s1, "APPROVE");
        UUID s2 = submission("APPROVED", true);
        decision(s2, "RETURN");
        decision(s2, "APPROVE");
        decision(submission("RETURNED", true), "RETURN");
        submission("AWAITING_REVIEW", true);
        submission("AWAITING_OBJECTS", false);
        UUID r1 = revision(s1, 1, null, "SUBMITTED");
        UUID r2 = revision(s1, 2, r1, "EXPERT");
        dice(r2, "PTV", 0.8);
        dice(r2, "SPINALCORD", 0.9);
        UUID q1 = revision(s2, 1, null, "SUBMITTED");
        UUID q2 = revision(s2, 2, q1, "EXPERT");
        dice(q2, "PTV", 0.6);
        dice(revision(s2, 3, q2, "EXPERT"), "PTV", 0.7);
    }

    private UUID patient(UUID hospital) throws SQLException {
        UUID id = UUID.randomUUID();
        update("insert into patient (id, hospital_id, local_id, name, sex, created_at, updated_at)"
                + " values (?, ?, ?, '统计', 'F', now(), now())", id, hospital, "S" + id);
        return id;
    }

    private void participant(UUID hospital, String invited, Boolean questionnaire, String fit, String colonoscopy,
                             String finding) throws SQLException {
        update("insert into screening_participant (id, programme_id, hospital_id, local_id, name, sex, invited_on,"
                        + " questionnaire_high_risk, fit_result, colonoscopy_on, finding, updated_at) values (?, ?, ?, ?,"
                        + " '筛查', 'M', cast(? as date), ?, ?, cast(? as date), ?, now())",
                UUID.randomUUID(), programme, hospital, "S" + UUID.randomUUID(), invited, questionnaire, fit,
                colonoscopy, finding);
    }

    private void report(UUID hospital, UUID patient, String icd10, String detection, Instant reported,
                        Duration toRecord) throws SQLException {
        update("insert into tumor_report (id, hospital_id, patient_id, certainty, icd10, topography, detection, finding,"
                        + " reporter_id, reporter, reported_at, record_due_at, recorded_at) values (?, ?, ?, 'CONFIRMED',"
                        + " ?, ?, ?, '统计', 'x', 'x', ?, ?, ?)", UUID.randomUUID(), hospital, patient, icd10,
                icd10.length() == 5 ? icd10 : icd10 + ".0", detection, ts(reported),
                ts(reported.plus(Duration.ofHours(24))), toRecord == null ? null : ts(reported.plus(toRecord)));
    }

    private UUID referral(String direction, UUID patient, UUID from, UUID to, Instant at) throws SQLException {
        UUID id = UUID.randomUUID();
        update("insert into referral (id, direction, patient_id, from_hospital_id, to_hospital_id, reason, state,"
                        + " requested_by_id, requested_by, requested_at, updated_at) values (?, ?, ?, ?, ?, '统计',"
                        + " 'REQUESTED', 'x', 'x', ?, ?)", id, direction, patient, from, to, ts(at), ts(at));
        return id;
    }

    private void item(UUID referral, String recognition) throws SQLException {
        update("insert into referral_item (id, referral_id, kind, title, recognition) values (?, ?, 'REPORT', '报告', ?)",
                UUID.randomUUID(), referral, recognition);
    }

    private UUID schedule(UUID hospital, UUID patient) throws SQLException {
        UUID id = UUID.randomUUID();
        update("insert into follow_up_schedule (id, patient_id, hospital_id, icd10, stage, template, attending_id,"
                + " attending, assignee_id, assignee, created_by, created_at) values (?, ?, ?, 'C18.7', 'II', 'T',"
                + " 'x', 'x', 'x', 'x', 'x', now())", id, patient, hospital);
        return id;
    }

    private void visit(UUID schedule, String due, String state) throws SQLException {
        update("insert into follow_up_visit (id, schedule_id, due_on, state) values (?, ?, cast(? as date), ?)",
                UUID.randomUUID(), schedule, due, state);
    }

    /** A consult triaged, in session and signed the given hours after its submission (null: not yet). */
    private void consult(UUID hospital, UUID patient, Instant submitted, int triage, Integer session, Integer signed)
            throws SQLException {
        UUID id = UUID.randomUUID();
        update("insert into consult (id, hospital_id, patient_id, state, urgency, clinical_summary, question,"
                        + " requested_by_id, requested_by, created_at, updated_at, submitted_at, triaged_at, session_at)"
                        + " values (?, ?, ?, ?, 'ROUTINE', '统计', '统计', 'x', 'x', ?, ?, ?, ?, ?)", id, hospital, patient,
                signed != null ? "SIGNED" : session != null ? "IN_SESSION" : "TRIAGED", ts(submitted), ts(submitted),
                ts(submitted), ts(submitted.plus(Duration.ofHours(triage))),
                session == null ? null : ts(submitted.plus(Duration.ofHours(session))));
        if (signed != null) {
            update("insert into recommendation (id, consult_id, revision, state, content, chair_id, chair_name,"
                    + " signed_at, created_by, created_at, updated_at) values (?, ?, 1, 'SIGNED', '{}', 'x', 'x', ?, 'x',"
                    + " now(), now())", UUID.randomUUID(), id, ts(submitted.plus(Duration.ofHours(signed))));
        }
    }

    private UUID submission(String state, boolean queued) throws SQLException {
        UUID id = UUID.randomUUID();
        Instant at = at("2019-02-01T00:00:00Z");
        update("insert into rt_submission (id, hospital_id, study_uid, state, disease_site, prescription_gy, fractions,"
                        + " technique, question, submitted_by_id, submitted_by, created_at, updated_at, queued_at)"
                        + " values (?, ?, ?, ?, 'LUNG', 60, 30, 'IMRT', '统计', 'x', 'x', ?, ?, ?)", id, CX,
                "2.25.9" + Math.abs(id.getMostSignificantBits()), state, ts(at), ts(at), queued ? ts(at) : null);
        return id;
    }

    private void decision(UUID submission, String action) throws SQLException {
        update("insert into rt_decision (id, submission_id, action, revision_number, decided_by_id, decided_by,"
                + " decided_at) values (?, ?, ?, 1, 'x', 'x', now())", UUID.randomUUID(), submission, action);
    }

    private UUID revision(UUID submission, int number, UUID parent, String kind) throws SQLException {
        UUID id = UUID.randomUUID();
        update("insert into rt_revision (id, submission_id, number, parent_id, kind, author_id, author, created_at,"
                + " reason, changed_rois, content) values (?, ?, ?, ?, ?, 'x', 'x', ?, 'x', '[]'::jsonb, '{}'::jsonb)",
                id, submission, number, parent, kind, ts(at("2019-02-02T00:00:00Z")));
        return id;
    }

    private void dice(UUID revision, String roi, double dice) throws SQLException {
        update("insert into rt_revision_dice (revision_id, roi_name, hospital_id, created_at, dice) values (?, ?, ?, ?, ?)",
                revision, roi, CX, ts(at("2019-02-02T00:00:00Z")), dice);
    }

    private static Instant at(String iso) {
        return Instant.parse(iso);
    }

    private static Timestamp ts(Instant i) {
        return Timestamp.from(i);
    }

    private void update(String sql, Object... values) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                p.setObject(i + 1, values[i]);
            }
            p.executeUpdate();
        }
    }
}
