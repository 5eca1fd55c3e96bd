package org.consilium.archive.forward;

import java.time.Instant;
import java.util.UUID;

/** A forwarding job as the API shows it. {@code nextAttemptAt} is when a PENDING job is tried next. */
public record ForwardJobView(UUID id, String targetAe, String studyUid, String sopInstanceUid, ForwardState state,
                             int attempts, Instant nextAttemptAt, String lastError, String createdBy,
                             Instant createdAt, Instant updatedAt) {
}
