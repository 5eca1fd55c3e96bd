package org.consilium.registry.followup;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/**
 * A follow-up contact and its outcome. Reached patients give their {@code vitalStatus}; a deceased patient's
 * {@code deathDate} is on or before the contact. Recurrence, progression, RECIST 1.1 response, adverse events and
 * the next step are what the contact found; {@code note} says it in words (e.g. the result of the examination the board
 * asked for).
 */
public record OutcomeRequest(@NotNull LocalDate contactedOn, @NotNull Boolean reached,
                             FollowUpVisit.VitalStatus vitalStatus, LocalDate deathDate, Boolean recurrence,
                             Boolean progression, FollowUpVisit.Recist recist,
                             @Size(max = 2000) String adverseEvents, @Size(max = 2000) String nextStep,
                             @Size(max = 2000) String note) {
}
