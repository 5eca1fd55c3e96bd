package org.consilium.registry.report;

import java.time.Instant;
import java.util.UUID;

/** What a new-tumor report says of the patient's tumor, for the registry record that it starts. */
public record ReportedSite(UUID reportId, String icd10, String topography, Certainty certainty, String reporter,
                           Instant reportedAt, UUID consultId) {
}
