package org.consilium.radiotherapy.submission;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.consilium.audit.AuditLog;
import org.consilium.audit.Outcome;
import org.consilium.identity.CurrentUser;
import org.consilium.identity.HospitalView;
import org.consilium.platform.Page;
import org.consilium.platform.ProblemException;
import org.consilium.platform.ProblemType;

/**
 * The provincial review queue of plan submissions, run by the case managers as the consult queue is: open
 * submissions by priority (1 first, unset last), then due time, then oldest; the priority and SLA target
 * they set; each version's clock from entering the queue to the reviewers' decision, and its figures over a
 * window. Only coordinators (provincial case managers, platform-admins) use it.
 */
@ApplicationScoped
public class ReviewQueue {

    private static final String FIGURES = """
            select count(*), count(v.decided_at), count(*) filter (where v.decided_at is null),
                   count(*) filter (where coalesce(v.decided_at, cast(:now as timestamptz)) > v.queued_at + make_interval(
                       hours => coalesce(s.sla_hours, :defaultHours))),
                   percentile_cont(0.5) within group (order by extract(epoch from (v.decided_at - v.queued_at))),
                   percentile_cont(0.9) within group (order by extract(epoch from (v.decided_at - v.queued_at))),
                   max(extract(epoch from (v.decided_at - v.queued_at)))
            from rt_submission_version v join rt_submission s on s.id = v.submission_id
            where v.queued_at >= cast(:from as timestamptz) and v.queued_at < cast(:to as timestamptz)""";

    @Inject
    SubmissionVisibility visibility;
    @Inject
    Submissions submissions;
    @Inject
    RadiotherapyConfig config;
    @Inject
    EntityManager em;
    @Inject
    AuditLog audit;

    /**
     * Review-clock figures over the versions that entered the queue in [from, to): how many, decided, still
     * waiting, overdue (against each one's target), and the median, p90 and max time to decision in seconds
     * (null while none is decided).
     */
    public record SlaFigures(Instant from, Instant to, long queued, long decided, long waiting, long overdue,
                             Double medianSeconds, Double p90Seconds, Double maxSeconds) {
    }

    /** Open submissions, by priority (unset last), due time, then oldest; each with its review clock. */
    @Transactional
    public Page<SubmissionView> queue(CurrentUser user, SubmissionState state, int offset, int limit) {
        requireCoordinator(user);
        List<SubmissionState> states = state == null ? SubmissionStates.OPEN : List.of(state);
        var query = PlanSubmission.<PlanSubmission>find("state in ?1 order by coalesce(priority, 9), dueAt nulls last,"
                + " createdAt, id", states);
        long total = query.count();
        List<SubmissionView> items = query.range(offset, offset + limit - 1).list().stream().map(Submissions::view).toList();
        audit.record(user.asActor(), ownHospital(user), "rt.queue", "rt-submissions", Outcome.SUCCESS,
                "state=" + state + " -> " + total);
        return new Page<>(items, total, offset, limit);
    }

    /** Sets the priority and SLA target of an open submission; 409 on a stale version or a finished plan. */
    @Transactional
    public SubmissionView setPriority(CurrentUser user, UUID id, PriorityRequest r) {
        requireCoordinator(user);
        PlanSubmission s = submissions.require(user, id, "rt.priority");
        if (s.version != r.version()) {
            throw new ProblemException(ProblemType.CONFLICT, "the submission changed (version " + s.version
                    + ", you sent " + r.version() + "); read it again");
        }
        if (!SubmissionStates.OPEN.contains(s.state)) {
            throw new ProblemException(ProblemType.ILLEGAL_TRANSITION, "a " + s.state + " plan has no place in the queue");
        }
        String before = s.priority + "/" + s.slaHours + "h";
        s.priority = r.priority().shortValue();
        s.slaHours = r.slaHours();
        s.dueAt = s.queuedAt == null ? null : s.queuedAt.plus(target(s));
        s.updatedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        PlanSubmission.getEntityManager().flush();
        audit.record(user.asActor(), s.hospitalId, "rt.priority", Submissions.TARGET + s.id, Outcome.SUCCESS,
                before + " -> " + s.priority + "/" + s.slaHours + "h");
        return Submissions.view(s);
    }

    @Transactional
    public SlaFigures figures(CurrentUser user, Instant from, Instant to) {
        requireCoordinator(user);
        Object[] r = (Object[]) em.createNativeQuery(FIGURES).setParameter("now", Instant.now())
                .setParameter("defaultHours", (int) config.reviewSla().toHours())
                .setParameter("from", from).setParameter("to", to).getSingleResult();
        audit.record(user.asActor(), ownHospital(user), "rt.sla", "rt-submissions", Outcome.SUCCESS, from + " .. " + to);
        return new SlaFigures(from, to, count(r[0]), count(r[1]), count(r[2]), count(r[3]), number(r[4]), number(r[5]),
                number(r[6]));
    }

    /** The current version entered the queue: its clock starts. Runs in the caller's transaction. */
    void enter(PlanSubmission s, Instant now) {
        if (s.queuedAt == null) {
            s.queuedAt = now;
            s.dueAt = now.plus(target(s));
        }
    }

    /** The reviewers returned or approved the current version: its clock stops. Runs in the caller's transaction. */
    public void decided(PlanSubmission s, Instant now) {
        s.decidedAt = now;
        em.createNativeQuery("update rt_submission_version set decided_at = ?3 where submission_id = ?1 and version = ?2")
                .setParameter(1, s.id).setParameter(2, s.submissionVersion).setParameter(3, now).executeUpdate();
    }

    private Duration target(PlanSubmission s) {
        return s.slaHours != null ? Duration.ofHours(s.slaHours) : config.reviewSla();
    }

    private void requireCoordinator(CurrentUser user) {
        if (!visibility.coordinates(user)) {
            throw new ProblemException(ProblemType.FORBIDDEN, "the review queue is for the provincial case managers");
        }
    }

    private static UUID ownHospital(CurrentUser user) {
        return user.hospital().map(HospitalView::id).orElse(null);
    }

    private static long count(Object o) {
        return ((Number) o).longValue();
    }

    private static Double number(Object o) {
        return o == null ? null : ((Number) o).doubleValue();
    }
}
