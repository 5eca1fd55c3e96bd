package org.consilium.registry.record;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.consilium.consult.PatientView;

/**
 * A registry record as the API shows it: the patient's basic information from the register, the fields with where
 * each came from ({@code filledFrom}), what is still missing before it can be confirmed, and its confirmed revisions.
 */
public record RecordView(UUID id, long version, PatientView patient, UUID hospitalId, String hospitalName,
                         String primarySite, RecordState state, int revision, RecordContent content,
                         Map<String, FilledFrom> filledFrom, List<String> missingForConfirmation, String createdBy,
                         Instant createdAt, String updatedBy, Instant updatedAt, String confirmedBy,
                         Instant confirmedAt, List<Revision> revisions) {

    /** A confirmed revision; {@code amendedBy} and the reason once a later edit superseded it. */
    public record Revision(int revision, String confirmedBy, Instant confirmedAt, String amendedBy, Instant amendedAt,
                           String amendReason) {
    }
}
