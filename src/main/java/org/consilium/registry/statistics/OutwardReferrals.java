package org.consilium.registry.statistics;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.consilium.audit.AuditLog;
import org.consilium.audit.Outcome;
import org.consilium.consult.PatientView;
import org.consilium.consult.Patients;
import org.consilium.identity.CurrentUser;
import org.consilium.platform.ProblemException;
import org.consilium.platform.ProblemType;
import org.consilium.platform.UuidV7;
import org.consilium.registry.RegistryScope;

/**
 * 外转: a patient of a member unit referred to a hospital outside the alliance, as that unit records it. These
 * records are the numerator of the outward-referral rate; the alliance tracks no more about the patient's stay.
 */
@ApplicationScoped
public class OutwardReferrals {

    @Inject
    Patients patients;
    @Inject
    RegistryScope scope;
    @Inject
    AuditLog audit;
    @Inject
    EntityManager em;

    public record OutwardRequest(@NotNull UUID patientId, @NotBlank @Size(max = 200) String destination,
                                 @Size(max = 2000) String reason, @NotNull LocalDate referredOn) {
    }

    public record OutwardView(UUID id, UUID patientId, UUID hospitalId, String destination, String reason,
                              LocalDate referredOn, String recordedBy, Instant recordedAt) {
    }

    /** Records the referral for a patient of the caller's own hospital (the register's read rules and audit apply). */
    @Transactional
    public OutwardView record(CurrentUser user, OutwardRequest r) {
        UUID own = scope.ownHospital(user).id();
        PatientView p = patients.get(user, r.patientId());
        if (!p.hospitalId().equals(own)) {
            throw new ProblemException(ProblemType.FORBIDDEN, "Only the patient's own hospital records an outward referral");
        }
        if (r.referredOn().isAfter(LocalDate.now(Window.ZONE))) {
            throw new ProblemException(ProblemType.VALIDATION, "referredOn: not in the future (转诊日期不能晚于今天)");
        }
        OutwardView v = new OutwardView(UuidV7.next(), p.id(), own, r.destination().strip(), r.reason(), r.referredOn(),
                user.displayName(), Instant.now());
        em.createNativeQuery("insert into outward_referral (id, hospital_id, patient_id, destination, reason, referred_on,"
                        + " recorded_by_id, recorded_by, recorded_at) values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)")
                .setParameter(1, v.id()).setParameter(2, own).setParameter(3, p.id()).setParameter(4, v.destination())
                .setParameter(5, v.reason() == null ? "" : v.reason()).setParameter(6, v.referredOn())
                .setParameter(7, user.id()).setParameter(8, v.recordedBy()).setParameter(9, v.recordedAt()).executeUpdate();
        audit.record(user.asActor(), own, "registry.outward.create", "patient:" + p.id(), Outcome.SUCCESS,
                "to " + v.destination());
        return v;
    }
}
