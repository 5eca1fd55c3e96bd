package org.consilium.consult;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A consult as the API shows it. {@code version} must be sent back with changes (optimistic locking);
 * {@code allowedActions} are the state machine's moves from the current state, whatever the caller's role.
 */
public record ConsultView(UUID id, long version, UUID hospitalId, String hospitalName, PatientView patient,
                          ConsultState state, Urgency urgency, Integer priority, String clinicalSummary,
                          String question, Pathology pathology, List<LabResult> labs,
                          List<String> requestedDisciplines, List<String> accessionNumbers,
                          List<StudyLink> studies, List<AttachmentView> attachments,
                          List<AssignmentView> assignments, String stateNote, String requestedById,
                          String requestedBy, Instant createdAt, Instant updatedAt, SlaClock sla,
                          Set<ConsultAction> allowedActions) {
}
