package org.consilium.registry.report;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.consilium.consult.PatientView;
import org.consilium.consult.Patients;
import org.consilium.identity.HospitalDirectory;
import org.consilium.identity.HospitalView;

/** The one place where reports become their API views. */
@ApplicationScoped
class ReportViews {

    @Inject
    Patients patients;
    @Inject
    HospitalDirectory hospitals;

    ReportView of(TumorReport t, Instant now) {
        return of(t, patients.byIds(List.of(t.patientId)).get(t.patientId), now);
    }

    List<ReportView> of(List<TumorReport> rows, Instant now) {
        Map<UUID, PatientView> byId = patients.byIds(rows.stream().map(t -> t.patientId).distinct().toList());
        return rows.stream().map(t -> of(t, byId.get(t.patientId), now)).toList();
    }

    ReportView of(TumorReport t, PatientView p, Instant now) {
        String hospital = hospitals.byId(t.hospitalId).map(HospitalView::name).orElse(null);
        return new ReportView(t.id, t.version, t.hospitalId, hospital, t.patientId, p == null ? null : p.name(),
                p == null ? null : p.localId(), p == null ? null : p.sex(), t.certainty, t.icd10, t.topography,
                t.detection, t.finding, t.reporterId, t.reporter, t.reporterPhone, t.reportedAt,
                RecordClock.of(t, now), t.recordedBy, PriorityChannel.of(t), t.consultId, t.referralId);
    }
}
