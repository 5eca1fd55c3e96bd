package org.consilium.consult.followup;

import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.consilium.audit.AuditActor;
import org.consilium.audit.AuditLog;
import org.consilium.audit.Outcome;
import org.consilium.consult.ConsultView;
import org.consilium.consult.Consults;
import org.consilium.consult.Notifications;
import org.consilium.consult.board.BoardStaff;
import org.consilium.consult.board.Meetings;
import org.consilium.consult.recommendation.RecommendationContent;
import org.consilium.consult.recommendation.RecommendationSigned;
import org.consilium.identity.CurrentUser;
import org.consilium.identity.HospitalView;
import org.consilium.identity.Role;
import org.consilium.identity.StaffMember;
import org.consilium.platform.Page;
import org.consilium.platform.ProblemException;
import org.consilium.platform.ProblemType;
import org.consilium.platform.UuidV7;

/**
 * Follow-up: when a recommendation is signed, each follow-up it plans becomes a task for the requesting
 * hospital, due that many days later (dates in China Standard Time, where the hospitals are). The county
 * hospital reports each outcome; the consult keeps it and the case managers are told.
 */
@ApplicationScoped
public class FollowUps {

    /** Due dates are calendar days where the alliance works. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    /** Notification kind: a county hospital reported a follow-up outcome. */
    public static final String OUTCOME_REPORTED = "followup.outcome";

    @Inject
    Consults consults;
    @Inject
    Notifications notifications;
    @Inject
    BoardStaff staff;
    @Inject
    AuditLog audit;

    Clock clock = Clock.system(ZONE);

    /** Creates the tasks of a newly signed version, in its transaction. */
    void onSigned(@Observes RecommendationSigned event) {
        ConsultView c = event.consult();
        LocalDate today = LocalDate.now(clock);
        Instant now = Instant.now();
        List<String> titles = new ArrayList<>();
        for (RecommendationContent.FollowUpPlan plan : event.recommendation().content().followUpsOrEmpty()) {
            FollowUpTask t = new FollowUpTask();
            t.id = UuidV7.next();
            t.consultId = c.id();
            t.recommendationId = event.recommendation().id();
            t.hospitalId = c.hospitalId();
            t.title = plan.title().strip();
            t.dueOn = today.plusDays(plan.dueInDays());
            t.state = FollowUpTask.State.OPEN;
            t.createdAt = now;
            t.updatedAt = now;
            t.persist();
            titles.add(t.title + " (" + t.dueOn + ")");
            notifications.notify(c.requestedById(), Notifications.TASK_DUE, c.id(),
                    "随访任务：" + t.title + "，截止 " + t.dueOn, "Follow-up task: " + t.title + ", due " + t.dueOn);
        }
        // Older versions' open tasks are replaced by the new version's plan.
        FollowUpTask.update("state = ?1, updatedAt = ?2 where consultId = ?3 and recommendationId <> ?4 and state = ?5",
                FollowUpTask.State.CANCELLED, now, c.id(), event.recommendation().id(), FollowUpTask.State.OPEN);
        if (!titles.isEmpty()) {
            audit.record(AuditActor.SYSTEM, c.hospitalId(), "followup.create", "consult:" + c.id(), Outcome.SUCCESS,
                    String.join("; ", titles));
        }
    }

    /**
     * Tasks the caller may see, soonest due first: a county hospital's own, or every hospital's for case
     * managers and platform-admins. {@code overdue} keeps only open tasks past their due date.
     */
    public Page<FollowUpView> list(CurrentUser user, boolean overdue, FollowUpTask.State state, int offset, int limit) {
        LocalDate today = LocalDate.now(clock);
        List<String> where = new ArrayList<>();
        Parameters p = new Parameters();
        if (!Meetings.seesAll(user)) {
            UUID own = user.hospital().map(HospitalView::id)
                    .orElseThrow(() -> new ProblemException(ProblemType.FORBIDDEN, "your account belongs to no hospital"));
            where.add("hospitalId = :hospital");
            p.and("hospital", own);
        }
        if (overdue) {
            where.add("state = :open and dueOn < :today");
            p.and("open", FollowUpTask.State.OPEN).and("today", today);
        } else if (state != null) {
            where.add("state = :state");
            p.and("state", state);
        }
        var found = FollowUpTask.<FollowUpTask>find(String.join(" and ", where), Sort.ascending("dueOn", "id"), p);
        long total = found.count();
        List<FollowUpView> items = found.range(offset, offset + limit - 1).list().stream()
                .map(t -> t.toView(today)).toList();
        audit.record(user.asActor(), user.hospital().map(HospitalView::id).orElse(null), "followup.list", "followup",
                Outcome.SUCCESS, (overdue ? "overdue " : "") + items.size() + " of " + total);
        return new Page<>(items, total, offset, limit);
    }

    /** A consult's tasks, for whoever may see the consult. */
    public List<FollowUpView> ofConsult(CurrentUser user, UUID consultId) {
        consults.require(user, consultId);
        LocalDate today = LocalDate.now(clock);
        return FollowUpTask.<FollowUpTask>list("consultId = ?1 order by dueOn, id", consultId).stream()
                .map(t -> t.toView(today)).toList();
    }

    /** The requesting hospital (or a case manager for it) reports the outcome; case managers hear of it. */
    @Transactional
    public FollowUpView report(CurrentUser user, UUID taskId, OutcomeReport r) {
        FollowUpTask t = FollowUpTask.findById(taskId, LockModeType.PESSIMISTIC_WRITE);
        UUID own = user.hospital().map(HospitalView::id).orElse(null);
        if (t == null || !Meetings.seesAll(user) && !t.hospitalId.equals(own)) {
            throw ProblemException.notFound("Follow-up task " + taskId);
        }
        if (!Meetings.seesAll(user) && !user.hasRole(Role.CLINICIAN) && !user.hasRole(Role.RT_STAFF)) {
            throw new ProblemException(ProblemType.FORBIDDEN, "outcomes are reported by the hospital's clinicians");
        }
        Meetings.checkVersion(t.version, r.version(), "follow-up task " + taskId);
        if (t.state != FollowUpTask.State.OPEN) {
            throw new ProblemException(ProblemType.CONFLICT, "follow-up task " + taskId + " is " + t.state);
        }
        Instant now = Instant.now();
        t.state = FollowUpTask.State.DONE;
        t.outcome = r.outcome().strip();
        t.reportedBy = user.username();
        t.reportedAt = now;
        t.updatedAt = now;
        audit.record(user.asActor(), t.hospitalId, "followup.outcome", "consult:" + t.consultId, Outcome.SUCCESS,
                t.title);
        for (StaffMember cm : staff.caseManagers()) {
            notifications.notify(cm.id(), OUTCOME_REPORTED, t.consultId,
                    "随访结果已回报：" + t.title, "Follow-up outcome reported: " + t.title);
        }
        FollowUpTask.flush(); // the answer carries the version the update gave the row
        return t.toView(LocalDate.now(clock));
    }
}
