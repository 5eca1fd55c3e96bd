package org.consilium.registry.followup;

import java.time.LocalDate;
import java.util.UUID;

/**
 * An open follow-up visit on someone's worklist: whose patient, when it is due, and who makes the call.
 * {@code daysOverdue} is how many days past its day the visit is (0 or less while not yet due); {@code title} is what
 * an MDT board asked for, null for a template visit.
 */
public record DueVisit(UUID scheduleId, UUID visitId, UUID patientId, String patientName, String patientLocalId,
                       UUID hospitalId, String icd10, String stage, LocalDate dueOn, String title, long daysOverdue, boolean overdue,
                       String assigneeId, String assignee, String attending, boolean handedOver) {
}
