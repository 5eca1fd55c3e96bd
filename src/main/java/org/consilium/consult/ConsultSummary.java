package org.consilium.consult;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A consult in a list or the queue: enough to pick it, without the clinical details. */
public record ConsultSummary(UUID id, long version, ConsultState state, Urgency urgency, Integer priority,
                             UUID hospitalId, String hospitalName, UUID patientId, String patientName,
                             String patientLocalId, List<String> requestedDisciplines, List<String> assignees,
                             String requestedBy, Instant createdAt, SlaClock sla) {
}
