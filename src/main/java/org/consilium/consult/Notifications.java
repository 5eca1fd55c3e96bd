package org.consilium.consult;

import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.consilium.audit.AuditLog;
import org.consilium.audit.Outcome;
import org.consilium.identity.CurrentUser;
import org.consilium.platform.Page;
import org.consilium.platform.ProblemException;
import org.consilium.platform.UserNotice;
import org.consilium.platform.UuidV7;

/**
 * Each user's notification feed: new request, triage result, invitation, recommendation signed, and
 * other capabilities' {@link UserNotice}s (radiotherapy review: kinds {@code rt.*}).
 */
@ApplicationScoped
public class Notifications {

    public static final String NEW_REQUEST = "consult.requested";
    public static final String TRIAGE_RESULT = "consult.triaged";
    public static final String ASSIGNED = "consult.assigned";
    public static final String INVITATION = "meeting.invitation";
    public static final String RECOMMENDATION_SIGNED = "recommendation.signed";

    @Inject
    Event<NotificationSent> sent;
    @Inject
    AuditLog audit;

    /** Adds an entry to a user's feed, in the caller's transaction (so that it exists only if the change does). */
    @Transactional
    public NotificationView notify(String userId, String kind, UUID consultId, String titleZh, String titleEn) {
        return store(userId, kind, consultId, null, titleZh, titleEn);
    }

    /** Another capability's notice (e.g. a radiotherapy review's), recorded in the feed in the firing transaction. */
    @Transactional
    void onNotice(@Observes UserNotice notice) {
        store(notice.userId(), notice.kind(), null, notice.subjectId(), notice.titleZh(), notice.titleEn());
    }

    private NotificationView store(String userId, String kind, UUID consultId, UUID subjectId, String titleZh,
                                   String titleEn) {
        Notification n = new Notification();
        n.id = UuidV7.next();
        n.userId = userId;
        n.kind = kind;
        n.consultId = consultId;
        n.subjectId = subjectId != null ? subjectId : consultId;
        n.titleZh = titleZh;
        n.titleEn = titleEn;
        n.createdAt = Instant.now();
        n.persist();
        NotificationView view = NotificationView.of(n);
        sent.fire(new NotificationSent(userId, view));
        return view;
    }

    /** The caller's feed, newest first. */
    public Page<NotificationView> feed(CurrentUser user, boolean unreadOnly, int offset, int limit) {
        String query = "userId = :user" + (unreadOnly ? " and readAt is null" : "");
        Parameters params = Parameters.with("user", user.id());
        var q = Notification.<Notification>find(query, Sort.descending("createdAt", "id"), params);
        List<NotificationView> items = q.range(offset, offset + limit - 1).list().stream()
                .map(NotificationView::of).toList();
        audit.record(user.asActor(), user.hospital().map(h -> h.id()).orElse(null), "notification.list",
                "user:" + user.username(), Outcome.SUCCESS, items.size() + " notifications");
        return new Page<>(items, Notification.count(query, params), offset, limit);
    }

    /** Marks one of the caller's entries read; another user's entry answers 404. Idempotent. */
    @Transactional
    public NotificationView markRead(CurrentUser user, UUID id) {
        Notification n = Notification.<Notification>findByIdOptional(id).filter(x -> x.userId.equals(user.id()))
                .orElseThrow(() -> ProblemException.notFound("Notification " + id));
        if (n.readAt == null) {
            n.readAt = Instant.now();
        }
        return NotificationView.of(n);
    }

    /** Marks the caller's whole feed read; returns how many entries changed. */
    @Transactional
    public long markAllRead(CurrentUser user) {
        return Notification.update("readAt = ?1 where userId = ?2 and readAt is null", Instant.now(), user.id());
    }
}
