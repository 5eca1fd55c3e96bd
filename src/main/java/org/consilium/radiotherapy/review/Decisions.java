package org.consilium.radiotherapy.review;

import com.fasterxml.jackson.core.type.TypeReference;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.consilium.audit.AuditLog;
import org.consilium.audit.Outcome;
import org.consilium.identity.CurrentUser;
import org.consilium.identity.Role;
import org.consilium.platform.ProblemException;
import org.consilium.platform.ProblemType;
import org.consilium.platform.StoredJson;
import org.consilium.platform.UuidV7;
import org.consilium.radiotherapy.submission.PlanSubmission;
import org.consilium.radiotherapy.submission.ReviewNotices;
import org.consilium.radiotherapy.submission.ReviewQueue;
import org.consilium.radiotherapy.submission.SubmissionState;
import org.consilium.radiotherapy.submission.SubmissionVisibility;
import org.consilium.radiotherapy.submission.Submissions;

/**
 * Approve or return a plan under review. A return needs at least one required change and moves the
 * submission to RETURNED. An approval is a sign-off in the caller's capacity (the reviewing physician: a
 * provincial radiation-oncology specialist; the physicist: provincial medical-physics staff); when both
 * capacities have signed the same revision the submission is APPROVED with that revision accepted.
 */
@ApplicationScoped
public class Decisions {

    @Inject
    Submissions submissions;
    @Inject
    ReviewRoom room;
    @Inject
    EntityManager em;
    @Inject
    AuditLog audit;
    @Inject
    ReviewNotices notices;
    @Inject
    ReviewQueue queue;

    /**
     * The decision state after a call: the submission's state and who has signed which revision; the last
     * return (null when none) with its required changes numbered from 1, as a resubmission answers them.
     */
    public record DecisionView(SubmissionState state, Integer acceptedRevision, List<Signature> signatures,
                               int submissionVersion, Return lastReturn) {
    }

    /** A return: on which revision, by whom, when, and the required changes (numbered from 1). */
    public record Return(int revision, String note, List<NumberedChange> requiredChanges, String decidedBy,
                         Instant decidedAt) {
    }

    public record NumberedChange(int number, String category, String roi, String text) {
    }

    public record Signature(int revision, String capacity, String signedBy, Instant signedAt) {
    }

    @Transactional
    public DecisionView decide(CurrentUser user, UUID submissionId, DecisionRequest r) {
        PlanSubmission s = submissions.require(user, submissionId, "rt.decision");
        room.requireReviewerSide(user, submissionId);
        if (s.state != SubmissionState.AWAITING_REVIEW) {
            throw new ProblemException(ProblemType.ILLEGAL_TRANSITION, "a decision is taken on a plan awaiting review, not "
                    + s.state);
        }
        StructureSetRevision revision = StructureSetRevision.find("submissionId = ?1 and number = ?2", s.id, r.revision())
                .firstResult();
        if (revision == null) {
            throw ProblemException.notFound("revision " + r.revision());
        }
        if (revision.submissionVersion != s.submissionVersion) {
            throw new ProblemException(ProblemType.CONFLICT, "revision " + r.revision() + " belongs to version "
                    + revision.submissionVersion + "; the plan under review is version " + s.submissionVersion);
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        if (r.action().equals("RETURN")) {
            if (r.requiredChanges() == null || r.requiredChanges().isEmpty()) {
                throw new ProblemException(ProblemType.VALIDATION, "a return names at least one required change");
            }
            record(s, "RETURN", r, user, now);
            s.state = SubmissionState.RETURNED;
            notices.returned(s, r.requiredChanges().size());
        } else {
            String capacity = capacity(user);
            em.createNativeQuery("insert into rt_signature (submission_id, revision_number, capacity, user_id, user_name, signed_at)"
                            + " values (?1, ?2, ?3, ?4, ?5, ?6) on conflict (submission_id, revision_number, capacity) do update"
                            + " set user_id = excluded.user_id, user_name = excluded.user_name, signed_at = excluded.signed_at")
                    .setParameter(1, s.id).setParameter(2, r.revision()).setParameter(3, capacity).setParameter(4, user.id())
                    .setParameter(5, user.displayName()).setParameter(6, now).executeUpdate();
            long capacities = ((Number) em.createNativeQuery("select count(*) from rt_signature where submission_id = ?1"
                    + " and revision_number = ?2").setParameter(1, s.id).setParameter(2, r.revision()).getSingleResult()).longValue();
            if (capacities == 2) {
                record(s, "APPROVE", r, user, now);
                s.state = SubmissionState.APPROVED;
                notices.approved(s, r.revision());
            }
        }
        s.updatedAt = now;
        if (s.state != SubmissionState.AWAITING_REVIEW) {
            queue.decided(s, now);
        }
        audit.record(user.asActor(), s.hospitalId, "rt.decision." + r.action().toLowerCase(), Submissions.TARGET + s.id,
                Outcome.SUCCESS, "revision " + r.revision() + " -> " + s.state);
        return view(s);
    }

    public DecisionView get(CurrentUser user, UUID submissionId) {
        return view(submissions.require(user, submissionId, "rt.decision.read"));
    }

    private DecisionView view(PlanSubmission s) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select revision_number, capacity, user_name, signed_at from rt_signature"
                + " where submission_id = ?1 order by signed_at").setParameter(1, s.id).getResultList();
        List<Signature> signatures = rows.stream().map(o -> new Signature(((Number) o[0]).intValue(), (String) o[1],
                (String) o[2], instant(o[3]))).toList();
        @SuppressWarnings("unchecked")
        List<Object> accepted = em.createNativeQuery("select revision_number from rt_decision where submission_id = ?1"
                + " and action = 'APPROVE' order by decided_at desc limit 1").setParameter(1, s.id).getResultList();
        return new DecisionView(s.state, accepted.isEmpty() ? null : ((Number) accepted.get(0)).intValue(), signatures,
                s.submissionVersion, lastReturn(s.id));
    }

    private Return lastReturn(UUID submissionId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select revision_number, note, required_changes::text, decided_by,"
                + " decided_at from rt_decision where submission_id = ?1 and action = 'RETURN' order by decided_at desc"
                + " limit 1").setParameter(1, submissionId).getResultList();
        if (rows.isEmpty()) {
            return null;
        }
        Object[] o = rows.get(0);
        List<DecisionRequest.RequiredChange> changes = StoredJson.read((String) o[2], new TypeReference<>() {});
        List<NumberedChange> numbered = new ArrayList<>();
        for (int i = 0; i < changes.size(); i++) {
            DecisionRequest.RequiredChange c = changes.get(i);
            numbered.add(new NumberedChange(i + 1, c.category(), c.roi(), c.text()));
        }
        return new Return(((Number) o[0]).intValue(), (String) o[1], numbered, (String) o[3], instant(o[4]));
    }

    private static Instant instant(Object o) {
        return o instanceof Instant i ? i : o instanceof java.time.OffsetDateTime d ? d.toInstant()
                : ((java.sql.Timestamp) o).toInstant();
    }

    private void record(PlanSubmission s, String action, DecisionRequest r, CurrentUser user, Instant now) {
        em.createNativeQuery("insert into rt_decision (id, submission_id, action, revision_number, required_changes, note,"
                        + " decided_by_id, decided_by, decided_at) values (?1, ?2, ?3, ?4, cast(?5 as jsonb), ?6, ?7, ?8, ?9)")
                .setParameter(1, UuidV7.next()).setParameter(2, s.id).setParameter(3, action).setParameter(4, r.revision())
                .setParameter(5, StoredJson.write(r.requiredChanges() == null ? List.of() : r.requiredChanges()))
                .setParameter(6, r.note()).setParameter(7, user.id()).setParameter(8, user.displayName())
                .setParameter(9, now).executeUpdate();
    }

    /** The capacity the caller signs in, or 403. */
    static String capacity(CurrentUser user) {
        if (!SubmissionVisibility.provincial(user)) {
            throw new ProblemException(ProblemType.FORBIDDEN, "only the provincial hospital approves plans");
        }
        String discipline = user.discipline().orElse("");
        if (user.hasRole(Role.SPECIALIST) && discipline.equals("radiation-oncology")) {
            return "PHYSICIAN";
        }
        if (discipline.equals("medical-physics")) {
            return "PHYSICIST";
        }
        throw new ProblemException(ProblemType.FORBIDDEN,
                "approval is signed by the reviewing radiation oncologist and the medical physicist");
    }
}
