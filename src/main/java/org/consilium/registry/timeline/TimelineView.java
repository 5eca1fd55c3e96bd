package org.consilium.registry.timeline;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A patient's timeline: who the patient is, and one page of entries, newest first, of {@code total}. */
public record TimelineView(UUID patientId, String patientName, String patientLocalId, String sex, LocalDate birthDate,
                           UUID hospitalId, List<TimelineEntry> entries, long total, int offset, int limit) {
}
