package org.consilium.registry.record;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import org.consilium.consult.PatientView;
import org.consilium.identity.CurrentUser;
import org.consilium.identity.HospitalDirectory;
import org.consilium.identity.HospitalView;
import org.consilium.registry.RegistryScope;
import org.consilium.registry.timeline.TimelineEntry;
import org.consilium.registry.timeline.TimelineSource;

/**
 * The patient's tumor registry records (肿瘤数据库), for callers who may see the record's hospital (the rule of the
 * record endpoints): when each record was opened, and each revision's confirmation. Every entry carries the record's
 * state now, and its id as {@code subjectId} so the app opens the record.
 */
@ApplicationScoped
public class RecordTimeline implements TimelineSource {

    static final String KIND = "registry-record";

    @Inject
    RegistryScope scope;
    @Inject
    HospitalDirectory hospitals;

    @Override
    public List<TimelineEntry> entries(CurrentUser user, PatientView patient) {
        List<TimelineEntry> out = new ArrayList<>();
        for (RegistryRecord r : RegistryRecord.<RegistryRecord>list("patientId", Sort.descending("createdAt"),
                patient.id())) {
            if (!scope.maySee(user, r.hospitalId)) {
                continue;
            }
            String hospital = hospitals.byId(r.hospitalId).map(HospitalView::name).orElse(null);
            for (RecordRevision v : RecordRevision.<RecordRevision>list("recordId", Sort.descending("revision"),
                    r.id)) {
                out.add(new TimelineEntry(KIND, r.id, null, v.confirmedAt, false, hospital,
                        "肿瘤登记档案确认（" + r.primarySite + "，第" + v.revision + "版）",
                        "Registry record confirmed (" + r.primarySite + ", revision " + v.revision + ")",
                        r.state.name(), v.confirmedBy));
            }
            out.add(new TimelineEntry(KIND, r.id, null, r.createdAt, false, hospital,
                    "建立肿瘤登记档案（" + r.primarySite + "）", "Registry record opened (" + r.primarySite + ")",
                    r.state.name(), r.createdBy));
        }
        return out.size() > MAX ? out.subList(0, MAX) : out;
    }
}
