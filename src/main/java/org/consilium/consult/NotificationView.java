package org.consilium.consult;

import java.time.Instant;
import java.util.UUID;

/**
 * A feed entry as the API (and a live push) shows it; {@code readAt} is null while unread. {@code subjectId}
 * is what it is about: the consult for consult kinds, the plan submission for {@code rt.*} kinds.
 */
public record NotificationView(UUID id, String kind, UUID consultId, String titleZh, String titleEn,
                               Instant createdAt, Instant readAt, UUID subjectId) {

    static NotificationView of(Notification n) {
        return new NotificationView(n.id, n.kind, n.consultId, n.titleZh, n.titleEn, n.createdAt, n.readAt,
                n.subjectId != null ? n.subjectId : n.consultId);
    }
}
