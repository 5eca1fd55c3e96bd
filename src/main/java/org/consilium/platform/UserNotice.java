package org.consilium.platform;

import java.util.UUID;

/**
 * A capability's wish to tell a user something (a CDI event): fired inside the transaction of the change it
 * announces, so that whoever keeps the users' notification feed records it only if that change commits. The
 * consult capability keeps the feed ({@code /api/notifications}) and pushes it live; capabilities that may
 * not use consult (radiotherapy) notify through this event.
 *
 * @param kind      a stable key, e.g. {@code rt.returned}
 * @param subjectId what the notice is about (e.g. a plan submission's id), or null
 */
public record UserNotice(String userId, String kind, UUID subjectId, String titleZh, String titleEn) {
}
