package org.consilium.registry.referral;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.consilium.consult.PatientView;
import org.consilium.consult.Patients;
import org.consilium.identity.CurrentUser;
import org.consilium.identity.HospitalDirectory;
import org.consilium.identity.HospitalView;

/** The one place where referrals become their API views. */
@ApplicationScoped
class ReferralViews {

    @Inject
    Patients patients;
    @Inject
    HospitalDirectory hospitals;
    @Inject
    ReferralSides sides;

    ReferralView of(CurrentUser user, Referral r) {
        return of(user, List.of(r)).get(0);
    }

    List<ReferralView> of(CurrentUser user, List<Referral> rows) {
        Map<UUID, PatientView> byId = patients.byIds(rows.stream().map(r -> r.patientId).distinct().toList());
        return rows.stream().map(r -> view(user, r, byId.get(r.patientId))).toList();
    }

    private ReferralView view(CurrentUser user, Referral r, PatientView p) {
        List<ReferralView.Item> items = ReferralItem.<ReferralItem>find("referralId", Sort.ascending("kind", "title"),
                r.id).stream().map(i -> new ReferralView.Item(i.id, i.kind, i.studyUid, i.title, i.body,
                i.recognition, i.recognitionReason, i.recognisedBy, i.recognisedAt)).toList();
        List<ReferralView.Event> events = ReferralEvent.<ReferralEvent>find("referralId", Sort.ascending("at", "id"),
                r.id).stream().map(e -> new ReferralView.Event(e.at, e.actor, e.fromState, e.toState, e.note)).toList();
        boolean receiving = sides.receives(user, r);
        return new ReferralView(r.id, r.version, r.direction, r.state, r.patientId, p == null ? null : p.name(),
                p == null ? null : p.localId(), p == null ? null : p.sex(), r.fromHospitalId, name(r.fromHospitalId),
                r.toHospitalId, name(r.toHospitalId), r.toDoctorId, r.toDoctor, r.reportId, r.reason, r.plan,
                new GreenChannel(r.greenExamination, r.greenConsultation, r.greenAdmission), r.appointmentAt,
                r.appointment, r.bed, r.declineReason, r.requestedBy, r.requestedAt, r.acceptedAt, r.declinedAt,
                r.arrivedAt, r.completedAt, items, events, receiving, receiving ? allowed(r.state) : Set.of());
    }

    private static Set<ReferralAction> allowed(ReferralState state) {
        EnumSet<ReferralAction> moves = EnumSet.noneOf(ReferralAction.class);
        for (ReferralAction a : ReferralAction.values()) {
            if (a.from == state) {
                moves.add(a);
            }
        }
        return moves;
    }

    private String name(UUID hospitalId) {
        return hospitals.byId(hospitalId).map(HospitalView::name).orElse(null);
    }
}
