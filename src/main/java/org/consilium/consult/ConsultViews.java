package org.consilium.consult;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.consilium.identity.HospitalDirectory;
import org.consilium.identity.HospitalView;
import org.consilium.platform.ProblemException;
import org.consilium.platform.ProblemType;

/** The one place where consult rows become {@link ConsultView}s, and structured JSON columns are (de)serialised. */
@ApplicationScoped
public class ConsultViews {

    private static final TypeReference<List<LabResult>> LABS = new TypeReference<>() {
    };

    @Inject
    ObjectMapper json;
    @Inject
    HospitalDirectory hospitals;

    public ConsultView of(Consult c) {
        Patient p = Patient.findById(c.patientId);
        List<StudyLink> studies = ConsultStudy.<ConsultStudy>list("consultId", Sort.ascending("attachedAt"), c.id)
                .stream().map(StudyLink::of).toList();
        List<AttachmentView> attachments = ConsultAttachment.<ConsultAttachment>list("consultId",
                Sort.ascending("uploadedAt"), c.id).stream().map(AttachmentView::of).toList();
        List<AssignmentView> assignments = ConsultAssignment.<ConsultAssignment>list("consultId",
                Sort.ascending("assignedAt", "username"), c.id).stream().map(AssignmentView::of).toList();
        return new ConsultView(c.id, c.version, c.hospitalId, hospitalName(c), PatientView.of(p), c.state,
                c.urgency, priority(c), c.clinicalSummary, c.question,
                pathology(c.pathology), labs(c.labs), list(c.requestedDisciplines), list(c.accessionNumbers),
                studies, attachments, assignments, c.stateNote, c.requestedById, c.requestedBy, c.createdAt,
                c.updatedAt, SlaClock.of(c, Instant.now()), ConsultStateMachine.allowed(c.state));
    }

    /** Summaries of many consults, with their patients and assignees fetched in one query each. */
    public List<ConsultSummary> summaries(List<Consult> consults) {
        if (consults.isEmpty()) {
            return List.of();
        }
        Map<UUID, Patient> patients = Patient.<Patient>list("id in ?1",
                consults.stream().map(c -> c.patientId).distinct().toList()).stream()
                .collect(Collectors.toMap(p -> p.id, p -> p));
        Map<UUID, List<String>> assignees = ConsultAssignment.<ConsultAssignment>list("consultId in ?1",
                Sort.ascending("assignedAt", "username"), consults.stream().map(c -> c.id).toList()).stream()
                .collect(Collectors.groupingBy(a -> a.consultId, Collectors.mapping(a -> a.username, Collectors.toList())));
        Instant now = Instant.now();
        return consults.stream().map(c -> {
            Patient p = patients.get(c.patientId);
            return new ConsultSummary(c.id, c.version, c.state, c.urgency, priority(c), c.hospitalId,
                    hospitalName(c), p.id, p.name, p.localId, list(c.requestedDisciplines),
                    assignees.getOrDefault(c.id, List.of()), c.requestedBy, c.createdAt, SlaClock.of(c, now));
        }).toList();
    }

    String write(Object value) {
        if (value == null) {
            return null;
        }
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new ProblemException(ProblemType.VALIDATION, "cannot store " + value.getClass().getSimpleName());
        }
    }

    private String hospitalName(Consult c) {
        return hospitals.byId(c.hospitalId).map(HospitalView::name).orElse(null);
    }

    private static Integer priority(Consult c) {
        return c.priority == null ? null : c.priority.intValue();
    }

    private Pathology pathology(String stored) {
        return read(stored, new TypeReference<>() {
        });
    }

    private List<LabResult> labs(String stored) {
        List<LabResult> labs = read(stored, LABS);
        return labs == null ? List.of() : labs;
    }

    private <T> T read(String stored, TypeReference<T> type) {
        if (stored == null) {
            return null;
        }
        try {
            return json.readValue(stored, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored consult JSON does not parse", e);
        }
    }

    private static List<String> list(String[] values) {
        return values == null ? List.of() : Arrays.asList(values);
    }
}
