package org.consilium.identity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.UUID;
import org.consilium.audit.AuditLog;
import org.consilium.audit.Outcome;
import org.consilium.platform.ProblemException;

/**
 * The one place that decides whether a user may see a hospital's own data (staff, patients, studies
 * that have not been shared). Sharing across hospitals for a consult is granted elsewhere, per study.
 */
@ApplicationScoped
public class HospitalAccess {

    @Inject
    HospitalDirectory hospitals;
    @Inject
    AuditLog audit;

    public boolean maySee(CurrentUser user, UUID hospitalId) {
        if (user.hasRole(Role.PLATFORM_ADMIN)) {
            return true;
        }
        HospitalView own = user.hospital().orElse(null);
        if (own == null) {
            return false;
        }
        if (own.id().equals(hospitalId)) {
            return true;
        }
        // Provincial case managers coordinate the whole alliance: they pick experts and follow referrals.
        return own.level() == HospitalLevel.PROVINCIAL && user.hasRole(Role.CASE_MANAGER);
    }

    /**
     * Returns the hospital when the user may see it. Otherwise answers 404, exactly as for a hospital
     * that does not exist, so that another hospital's data does not reveal itself; the refusal is audited.
     */
    public HospitalView requireVisible(CurrentUser user, UUID hospitalId, String action) {
        HospitalView h = hospitals.byId(hospitalId).orElse(null);
        if (h != null && maySee(user, hospitalId)) {
            return h;
        }
        if (h != null) {
            audit.record(user.asActor(), user.hospital().map(HospitalView::id).orElse(null), action,
                    "hospital:" + hospitalId, Outcome.DENIED, "outside the caller's hospital");
        }
        throw ProblemException.notFound("Hospital " + hospitalId);
    }
}
