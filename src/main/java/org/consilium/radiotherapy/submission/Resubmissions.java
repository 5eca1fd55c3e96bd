package org.consilium.radiotherapy.submission;

import com.fasterxml.jackson.core.type.TypeReference;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.consilium.platform.StoredJson;
import org.consilium.audit.AuditLog;
import org.consilium.audit.Outcome;
import org.consilium.identity.CurrentUser;
import org.consilium.identity.HospitalView;
import org.consilium.identity.Role;
import org.consilium.platform.ProblemException;
import org.consilium.platform.ProblemType;

/**
 * Versions of a submission. A returned plan comes back as the next version of the same submission (its
 * revisions, decisions and room stay with it): the county answers every required change of the return
 * (done, or not done with a reason), sends the corrected objects to the study, and the version waits for
 * them as version 1 did. The versions are kept in rt_submission_version.
 */
@ApplicationScoped
public class Resubmissions {

    @Inject
    Submissions submissions;
    @Inject
    EntityManager em;
    @Inject
    AuditLog audit;
    @Inject
    ReviewNotices notices;

    /** The last return's id and how many required changes it has. */
    record LastReturn(UUID id, int changes) {
    }

    @Transactional
    public SubmissionView resubmit(CurrentUser user, UUID id, ResubmissionRequest r) {
        PlanSubmission s = submissions.require(user, id, "rt.submission.resubmit");
        boolean submitter = user.hasRole(Role.RT_STAFF)
                && s.hospitalId.equals(user.hospital().map(HospitalView::id).orElse(null));
        if (!submitter) {
            throw new ProblemException(ProblemType.FORBIDDEN, "only radiotherapy staff of the submitting hospital resubmit");
        }
        if (s.state != SubmissionState.RETURNED) {
            throw new ProblemException(ProblemType.ILLEGAL_TRANSITION, "only a returned plan is resubmitted, not one "
                    + s.state);
        }
        if (PlanSubmission.count("studyUid = ?1 and state in ?2 and id <> ?3", s.studyUid, SubmissionStates.OPEN, s.id) > 0) {
            throw new ProblemException(ProblemType.CONFLICT, "study " + s.studyUid + " has another submission under way");
        }
        LastReturn last = lastReturn(s.id);
        requireEveryChangeAnswered(last.changes(), r.answers());
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        s.submissionVersion++;
        s.state = SubmissionState.AWAITING_OBJECTS;
        s.checkedInstances = -1;
        s.objectsCompleteAt = null;
        s.queuedAt = null;
        s.dueAt = null;
        s.decidedAt = null;
        s.awaiting = StoredJson.write(List.of("a new RTSTRUCT, RTPLAN or RTDOSE for version " + s.submissionVersion));
        s.findings = "[]";
        s.updatedAt = now;
        List<ResubmissionRequest.Answer> ordered = r.answers().stream()
                .sorted((a, b) -> Integer.compare(a.change(), b.change())).toList();
        insertVersion(s, last.id(), StoredJson.write(ordered), r.note(), user.id(), user.displayName(), now);
        notices.resubmitted(s);
        audit.record(user.asActor(), s.hospitalId, "rt.submission.resubmit", Submissions.TARGET + s.id, Outcome.SUCCESS,
                "version " + s.submissionVersion + ", " + ordered.stream().filter(a -> !a.done()).count()
                        + " of " + ordered.size() + " changes not done");
        return Submissions.view(s);
    }

    /** The versions of a submission, first to current (audited as a read of the submission). */
    public List<SubmissionVersionView> versions(CurrentUser user, UUID id) {
        submissions.require(user, id, "rt.submission.versions");
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select version, study_uid, submitted_by, submitted_at, note,"
                + " answers::text, rtstruct_uid, rtplan_uid, rtdose_uid, queued_at from rt_submission_version"
                + " where submission_id = ?1 order by version").setParameter(1, id).getResultList();
        List<SubmissionVersionView> out = new ArrayList<>();
        for (Object[] o : rows) {
            out.add(new SubmissionVersionView(((Number) o[0]).intValue(), (String) o[1], (String) o[2], instant(o[3]),
                    (String) o[4], o[5] == null ? List.of() : StoredJson.read((String) o[5], new TypeReference<List<ResubmissionRequest.Answer>>() {}),
                    new SubmissionView.PlanObjectUids(null, (String) o[6], (String) o[7], (String) o[8]), instant(o[9])));
        }
        return out;
    }

    /** Version 1 of a new submission. Runs in the caller's transaction. */
    void recordFirst(PlanSubmission s) {
        insertVersion(s, null, "[]", null, s.submittedById, s.submittedBy, s.createdAt);
    }

    /**
     * Whether the located objects are new for the current version: always for version 1; for a resubmission,
     * at least one of RTSTRUCT, RTPLAN and RTDOSE must differ from the previous version's.
     */
    boolean newForVersion(PlanSubmission s, PlanObjects.Located l) {
        if (s.submissionVersion == 1) {
            return true;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select rtstruct_uid, rtplan_uid, rtdose_uid from rt_submission_version"
                + " where submission_id = ?1 and version = ?2").setParameter(1, s.id)
                .setParameter(2, s.submissionVersion - 1).getResultList();
        if (rows.isEmpty()) {
            return true;
        }
        Object[] before = rows.get(0);
        return !(l.rtstruct().sopInstanceUid().equals(before[0]) && l.rtplan().sopInstanceUid().equals(before[1])
                && l.rtdose().sopInstanceUid().equals(before[2]));
    }

    /** The RTSTRUCT, RTPLAN and RTDOSE of the submission's earlier versions (empty for version 1). */
    Set<String> superseded(PlanSubmission s) {
        if (s.submissionVersion == 1) {
            return Set.of();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select rtstruct_uid, rtplan_uid, rtdose_uid from rt_submission_version"
                + " where submission_id = ?1 and version < ?2").setParameter(1, s.id).setParameter(2, s.submissionVersion)
                .getResultList();
        Set<String> out = new HashSet<>();
        for (Object[] row : rows) {
            for (Object uid : row) {
                if (uid != null) {
                    out.add((String) uid);
                }
            }
        }
        return out;
    }

    /** Records the objects of the current version; {@code queued} when it entered the review queue. */
    void located(PlanSubmission s, Instant queued) {
        em.createNativeQuery("update rt_submission_version set rtstruct_uid = ?3, rtplan_uid = ?4, rtdose_uid = ?5,"
                        + " queued_at = case when ?6 then coalesce(queued_at, ?7) else queued_at end"
                        + " where submission_id = ?1 and version = ?2")
                .setParameter(1, s.id).setParameter(2, s.submissionVersion).setParameter(3, s.rtstructUid)
                .setParameter(4, s.rtplanUid).setParameter(5, s.rtdoseUid).setParameter(6, queued != null)
                .setParameter(7, queued != null ? queued : s.updatedAt).executeUpdate();
    }

    private LastReturn lastReturn(UUID submissionId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select id, jsonb_array_length(required_changes) from rt_decision"
                + " where submission_id = ?1 and action = 'RETURN' order by decided_at desc limit 1")
                .setParameter(1, submissionId).getResultList();
        if (rows.isEmpty()) {
            throw new IllegalStateException("submission " + submissionId + " is RETURNED without a return decision");
        }
        return new LastReturn((UUID) rows.get(0)[0], ((Number) rows.get(0)[1]).intValue());
    }

    /** Exactly one answer per required change 1..n; a change not done says why. 400 naming what is wrong. */
    static void requireEveryChangeAnswered(int changes, List<ResubmissionRequest.Answer> answers) {
        Map<Integer, ResubmissionRequest.Answer> byChange = new TreeMap<>();
        List<String> problems = new ArrayList<>();
        for (ResubmissionRequest.Answer a : answers) {
            if (a.change() > changes) {
                problems.add("change " + a.change() + " does not exist (the return has " + changes + ")");
            } else if (byChange.put(a.change(), a) != null) {
                problems.add("change " + a.change() + " is answered twice");
            } else if (!a.done() && (a.reason() == null || a.reason().isBlank())) {
                problems.add("change " + a.change() + " is not done and needs a reason");
            }
        }
        for (int i = 1; i <= changes; i++) {
            if (!byChange.containsKey(i)) {
                problems.add("change " + i + " is not answered");
            }
        }
        if (!problems.isEmpty()) {
            throw new ProblemException(ProblemType.VALIDATION, "answers: " + String.join("; ", problems));
        }
    }

    private void insertVersion(PlanSubmission s, UUID answersReturn, String answers, String note, String byId,
                               String by, Instant at) {
        // answers_return: a subquery, so that version 1's null needs no typed null parameter
        em.createNativeQuery("insert into rt_submission_version (submission_id, version, study_uid, answers_return, answers,"
                        + " note, submitted_by_id, submitted_by, submitted_at) values (?1, ?2, ?3,"
                        + " (select d.id from rt_decision d where d.id = ?4), cast(?5 as jsonb), ?6, ?7, ?8, ?9)")
                .setParameter(1, s.id).setParameter(2, s.submissionVersion).setParameter(3, s.studyUid)
                .setParameter(4, answersReturn == null ? s.id : answersReturn).setParameter(5, answers).setParameter(6, note).setParameter(7, byId)
                .setParameter(8, by).setParameter(9, at).executeUpdate();
    }

    private static Instant instant(Object o) {
        return o == null ? null : o instanceof Instant i ? i : o instanceof java.time.OffsetDateTime d ? d.toInstant()
                : ((java.sql.Timestamp) o).toInstant();
    }
}
