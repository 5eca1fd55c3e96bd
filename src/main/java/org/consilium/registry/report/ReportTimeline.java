package org.consilium.registry.report;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.consilium.consult.PatientView;
import org.consilium.identity.CurrentUser;
import org.consilium.identity.HospitalDirectory;
import org.consilium.identity.HospitalView;
import org.consilium.registry.RegistryScope;
import org.consilium.registry.timeline.TimelineEntry;
import org.consilium.registry.timeline.TimelineSource;

/** The patient's new-tumor reports, for callers who may see the reporting hospital (as the report queue). */
@ApplicationScoped
public class ReportTimeline implements TimelineSource {

    @Inject
    RegistryScope scope;
    @Inject
    HospitalDirectory hospitals;

    @Override
    public List<TimelineEntry> entries(CurrentUser user, PatientView patient) {
        return TumorReport.<TumorReport>find("patientId", Sort.descending("reportedAt"), patient.id()).range(0, MAX - 1)
                .stream().filter(t -> scope.maySee(user, t.hospitalId)).map(t -> new TimelineEntry("report", t.id, null,
                        t.reportedAt, false, hospitals.byId(t.hospitalId).map(HospitalView::name).orElse(null),
                        (t.certainty == Certainty.CONFIRMED ? "确诊" : "疑似") + "新发肿瘤报告 " + t.icd10,
                        (t.certainty == Certainty.CONFIRMED ? "Confirmed" : "Suspected") + " new tumor report " + t.icd10,
                        t.recordedAt == null ? "OPEN" : "RECORDED", t.reporter)).toList();
    }
}
