package org.consilium.registry.timeline;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.consilium.audit.AuditLog;
import org.consilium.audit.Outcome;
import org.consilium.consult.PatientView;
import org.consilium.consult.Patients;
import org.consilium.identity.CurrentUser;
import org.consilium.identity.HospitalView;
import org.consilium.platform.ProblemException;
import org.consilium.registry.RegistryScope;

/**
 * One page per patient across the alliance, as far as the caller may see: every {@link TimelineSource}'s entries,
 * newest first. A caller sees the patient when they may see the patient's hospital or when any source shows them
 * something of the patient (a community doctor with a schedule handed to them, a provincial hospital with a
 * referral addressed to it); anyone else gets 404, as for a patient that does not exist, and the refusal is audited.
 */
@ApplicationScoped
public class PatientTimeline {

    private static final Comparator<TimelineEntry> NEWEST_FIRST = Comparator.comparing(TimelineEntry::at,
            Comparator.nullsLast(Comparator.reverseOrder())).thenComparing(TimelineEntry::kind);

    @Inject
    @Any
    Instance<TimelineSource> sources;
    @Inject
    Patients patients;
    @Inject
    RegistryScope scope;
    @Inject
    AuditLog audit;

    /** The caller's view of the patient's timeline; {@code offset} and {@code limit} page the merged entries. */
    @Transactional
    public TimelineView of(CurrentUser user, UUID patientId, int offset, int limit) {
        PatientView p = patients.byIds(List.of(patientId)).get(patientId);
        List<TimelineEntry> all = p == null ? List.of() : sources.stream()
                .flatMap(s -> s.entries(user, p).stream()).sorted(NEWEST_FIRST).toList();
        UUID callerHospital = user.hospital().map(HospitalView::id).orElse(null);
        if (p == null || all.isEmpty() && !scope.maySee(user, p.hospitalId())) {
            if (p != null) {
                audit.record(user.asActor(), callerHospital, "registry.timeline.read", target(patientId),
                        Outcome.DENIED, "nothing of the patient is visible to the caller");
            }
            throw ProblemException.notFound("Patient " + patientId);
        }
        audit.record(user.asActor(), p.hospitalId(), "registry.timeline.read", target(patientId), Outcome.SUCCESS,
                all.size() + " entries");
        List<TimelineEntry> page = all.stream().skip(offset).limit(limit).toList();
        return new TimelineView(p.id(), p.name(), p.localId(), p.sex(), p.birthDate(), p.hospitalId(), page,
                all.size(), offset, limit);
    }

    static String target(UUID patientId) {
        return "patient:" + patientId;
    }
}
