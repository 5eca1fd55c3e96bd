package org.consilium.registry.referral;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A referral as the API shows it, with its carried items and its history. {@code allowedActions} are the moves
 * the caller may make now (the receiving hospital's, in the current state); {@code receiving} says whether the
 * caller is on the receiving side.
 */
public record ReferralView(UUID id, long version, Direction direction, ReferralState state, UUID patientId,
                           String patientName, String patientLocalId, String patientSex, UUID fromHospitalId,
                           String fromHospitalName, UUID toHospitalId, String toHospitalName, String toDoctorId,
                           String toDoctor, UUID reportId, String reason, String plan, GreenChannel greenChannel,
                           Instant appointmentAt, String appointment, String bed, String declineReason,
                           String requestedBy, Instant requestedAt, Instant acceptedAt, Instant declinedAt,
                           Instant arrivedAt, Instant completedAt, List<Item> items, List<Event> events,
                           boolean receiving, Set<ReferralAction> allowedActions) {

    /** A carried study or report and the receiving side's recognition of it. */
    @Schema(name = "ReferralItemView")
    public record Item(UUID id, ReferralItem.ItemKind kind, String studyUid, String title, String text,
                       ReferralItem.Recognition recognition, String recognitionReason, String recognisedBy,
                       Instant recognisedAt) {
    }

    /** One change of state. */
    @Schema(name = "ReferralEventView")
    public record Event(Instant at, String actor, ReferralState fromState, ReferralState toState, String note) {
    }
}
