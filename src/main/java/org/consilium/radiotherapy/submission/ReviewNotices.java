package org.consilium.radiotherapy.submission;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.consilium.identity.HospitalDirectory;
import org.consilium.identity.HospitalLevel;
import org.consilium.identity.Role;
import org.consilium.identity.StaffDirectory;
import org.consilium.identity.StaffMember;
import org.consilium.platform.UserNotice;
import org.jboss.logging.Logger;

/**
 * Who hears about a plan review's state changes, through the users' notification feed and live channel
 * ({@link UserNotice}, kinds {@code rt.*}, subject the submission): the county (the submitter and its
 * hospital's radiotherapy staff) of checks, returns, approvals and exports; the provincial case managers of
 * plans entering the review queue; the assigned reviewers of their assignment and of resubmissions and
 * approvals. Fired in the transaction of the change, so a rolled-back change tells nobody.
 */
@ApplicationScoped
public class ReviewNotices {

    public static final String QUEUED = "rt.queued";
    public static final String BLOCKED = "rt.blocked";
    public static final String ASSIGNED = "rt.assigned";
    public static final String RETURNED = "rt.returned";
    public static final String RESUBMITTED = "rt.resubmitted";
    public static final String APPROVED = "rt.approved";
    public static final String EXPORTED = "rt.exported";

    private static final Logger LOG = Logger.getLogger(ReviewNotices.class);

    @Inject
    Event<UserNotice> notices;
    @Inject
    StaffDirectory staff;
    @Inject
    HospitalDirectory hospitals;
    @Inject
    EntityManager em;

    /** The plan entered the review queue (consistent): case managers and the county. */
    void queued(PlanSubmission s) {
        boolean again = s.submissionVersion > 1;
        for (String user : caseManagers()) {
            send(user, QUEUED, s, again ? "放疗计划已修改并重新进入审核队列" : "新的放疗计划待审核",
                    again ? "RT plan resubmitted to the review queue" : "New RT plan awaiting review");
        }
        toCounty(s, QUEUED, "放疗计划已通过一致性检查，进入审核队列", "RT plan passed the checks and awaits review");
    }

    /** A consistency check found an error: the county. */
    void blocked(PlanSubmission s) {
        toCounty(s, BLOCKED, "放疗计划一致性检查发现错误，请更正后重新发送", "RT plan blocked by consistency errors");
    }

    /** The county resubmitted a returned plan: the assigned reviewers. */
    void resubmitted(PlanSubmission s) {
        for (String user : reviewers(s)) {
            send(user, RESUBMITTED, s, "退回的放疗计划已重新提交（第 " + s.submissionVersion + " 版）",
                    "Returned RT plan resubmitted (version " + s.submissionVersion + ")");
        }
    }

    /** A reviewer was assigned. */
    public void assigned(PlanSubmission s, String userId) {
        send(userId, ASSIGNED, s, "您被指派审核放疗计划", "You were assigned to review an RT plan");
    }

    /** Returned with required changes: the county. */
    public void returned(PlanSubmission s, int changes) {
        toCounty(s, RETURNED, "放疗计划被退回修改（" + changes + " 项）", "RT plan returned with " + changes
                + " required change" + (changes == 1 ? "" : "s"));
    }

    /** Approved with both sign-offs: the county and the reviewers. */
    public void approved(PlanSubmission s, int revision) {
        String zh = "放疗计划审核通过（结构集修订 " + revision + "）";
        String en = "RT plan approved (revision " + revision + ")";
        toCounty(s, APPROVED, zh, en);
        reviewers(s).forEach(user -> send(user, APPROVED, s, zh, en));
    }

    /** The reviewed structure set was stored and sent: the county. */
    public void exported(PlanSubmission s, int revision, String ae) {
        toCounty(s, EXPORTED, "审核后的结构集（修订 " + revision + "）已" + (ae == null ? "存档" : "发送至 " + ae),
                "Reviewed structure set (revision " + revision + ") " + (ae == null ? "archived" : "sent to " + ae));
    }

    private void toCounty(PlanSubmission s, String kind, String zh, String en) {
        Set<String> users = new LinkedHashSet<>();
        users.add(s.submittedById);
        try {
            hospitals.byId(s.hospitalId).ifPresent(h -> staff.staff(h, Role.RT_STAFF, null, 0, 500).items()
                    .forEach(m -> users.add(m.id())));
        } catch (RuntimeException e) {
            LOG.warnf(e, "cannot list the radiotherapy staff of hospital %s: only the submitter is notified", s.hospitalId);
        }
        users.forEach(u -> send(u, kind, s, zh, en));
    }

    private void send(String userId, String kind, PlanSubmission s, String zh, String en) {
        String plan = String.format(Locale.ROOT, "%s %s Gy/%d", s.diseaseSite, trim(s.prescriptionGy), s.fractions);
        notices.fire(new UserNotice(userId, kind, s.id, zh + "：" + plan, en + ": " + plan));
    }

    private List<String> reviewers(PlanSubmission s) {
        @SuppressWarnings("unchecked")
        List<String> ids = em.createNativeQuery("select user_id from rt_submission_reviewer where submission_id = ?1")
                .setParameter(1, s.id).getResultList();
        return ids;
    }

    /** Read live from Keycloak; a directory outage must not undo the change, so it is logged instead. */
    private List<String> caseManagers() {
        try {
            return hospitals.all().stream().filter(h -> h.level() == HospitalLevel.PROVINCIAL)
                    .flatMap(h -> staff.staff(h, Role.CASE_MANAGER, null, 0, 500).items().stream())
                    .map(StaffMember::id).toList();
        } catch (RuntimeException e) {
            LOG.warnf(e, "cannot notify case managers: the staff directory failed");
            return List.of();
        }
    }

    private static String trim(double gy) {
        return gy == Math.rint(gy) ? Long.toString((long) gy) : Double.toString(gy);
    }
}
