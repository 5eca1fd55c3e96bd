package org.consilium.registry.referral;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.consilium.consult.PatientView;
import org.consilium.identity.CurrentUser;
import org.consilium.identity.HospitalDirectory;
import org.consilium.identity.HospitalView;
import org.consilium.registry.timeline.TimelineEntry;
import org.consilium.registry.timeline.TimelineSource;

/** The patient's referrals that the caller's side sent or receives ({@link ReferralSides}). */
@ApplicationScoped
public class ReferralTimeline implements TimelineSource {

    @Inject
    ReferralSides sides;
    @Inject
    HospitalDirectory hospitals;

    @Override
    public List<TimelineEntry> entries(CurrentUser user, PatientView patient) {
        return Referral.<Referral>find("patientId", Sort.descending("requestedAt"), patient.id()).range(0, MAX - 1)
                .stream().filter(f -> sides.maySee(user, f)).map(f -> {
                    String from = name(f.fromHospitalId);
                    String to = name(f.toHospitalId) + (f.toDoctor == null ? "" : " · " + f.toDoctor);
                    boolean up = f.direction == Direction.UP;
                    return new TimelineEntry("referral", f.id, null, f.requestedAt, false, from,
                            (up ? "上转" : "下转") + "：" + from + " → " + to,
                            (up ? "Up-referral: " : "Down-referral: ") + from + " → " + to,
                            f.state.name(), f.requestedBy);
                }).toList();
    }

    private String name(java.util.UUID hospitalId) {
        return hospitals.byId(hospitalId).map(HospitalView::name).orElse("?");
    }
}
