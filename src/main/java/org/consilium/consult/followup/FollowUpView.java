package org.consilium.consult.followup;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A follow-up task as the API shows it; {@code overdue} is an open task past its due date. */
public record FollowUpView(UUID id, UUID consultId, UUID recommendationId, UUID hospitalId, String title,
                           LocalDate dueOn, FollowUpTask.State state, boolean overdue, String outcome,
                           String reportedBy, Instant reportedAt, Instant createdAt, long version) {
}
