package org.consilium.registry.followup;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A follow-up schedule as the API shows it, with its visits in date order. */
public record ScheduleView(UUID id, long version, UUID patientId, String patientName, UUID hospitalId, String icd10,
                           String stage, FollowUpTemplate template, String attendingId, String attending,
                           String assigneeId, String assignee, Instant handedOverAt, LocalDate deathDate,
                           List<Visit> visits) {

    /** One visit and its outcome; {@code title}, {@code consultId} and {@code recommendationId} for a board's visit. */
    @Schema(name = "FollowUpVisitView")
    public record Visit(UUID id, LocalDate dueOn, FollowUpVisit.State state, String title, UUID consultId,
                        UUID recommendationId, LocalDate contactedOn, Boolean reached,
                        FollowUpVisit.VitalStatus vitalStatus, LocalDate deathDate, Boolean recurrence,
                        Boolean progression, FollowUpVisit.Recist recist, String adverseEvents, String nextStep,
                        String note, String reportedBy, Instant reportedAt) {

        static Visit of(FollowUpVisit v) {
            return new Visit(v.id, v.dueOn, v.state, v.title, v.consultId, v.recommendationId, v.contactedOn,
                    v.reached, v.vitalStatus, v.deathDate, v.recurrence, v.progression, v.recist, v.adverseEvents,
                    v.nextStep, v.note, v.reportedBy, v.reportedAt);
        }
    }
}
