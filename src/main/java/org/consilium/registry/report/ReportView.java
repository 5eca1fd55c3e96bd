package org.consilium.registry.report;

import java.time.Instant;
import java.util.UUID;

/**
 * A new-tumor report as the API shows it. {@code clock} is the 立即录档 clock; {@code priority} the priority
 * channel's flags once recorded; {@code consultId} and {@code referralId} what was raised from it.
 */
public record ReportView(UUID id, long version, UUID hospitalId, String hospitalName, UUID patientId,
                         String patientName, String patientLocalId, String patientSex, Certainty certainty,
                         String icd10, String topography, Detection detection, String finding, String reporterId,
                         String reporter, String reporterPhone, Instant reportedAt, RecordClock clock,
                         String recordedBy, PriorityChannel priority, UUID consultId, UUID referralId) {
}
