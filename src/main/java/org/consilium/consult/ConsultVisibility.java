package org.consilium.consult;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.consilium.identity.CurrentUser;
import org.consilium.identity.HospitalLevel;
import org.consilium.identity.HospitalView;
import org.consilium.identity.Role;

/**
 * Who may see a consult, in one place. Platform-admins and the provincial case managers (who run the
 * queue) see every consult. The requester sees theirs. A county hospital's staff see their own hospital's
 * requests. Anyone else, provincial specialists included, sees only the consults they are assigned to.
 */
@ApplicationScoped
public class ConsultVisibility {

    public boolean maySee(CurrentUser user, Consult c) {
        return coordinates(user) || user.id().equals(c.requestedById)
                || c.hospitalId.equals(ownCountyHospital(user))
                || isAssigned(c.id, user.id());
    }

    /** The requesting side (requester, the county hospital's staff) and case managers edit and resubmit. */
    public boolean mayEditRequest(CurrentUser user, Consult c) {
        return coordinates(user) || user.id().equals(c.requestedById) || c.hospitalId.equals(ownCountyHospital(user));
    }

    static boolean isAssigned(UUID consultId, String userId) {
        return ConsultAssignment.count("consultId = ?1 and userId = ?2", consultId, userId) > 0;
    }

    /** Platform-admins and provincial case managers: the whole queue, triage, scheduling and assignment. */
    public boolean coordinates(CurrentUser user) {
        if (user.hasRole(Role.PLATFORM_ADMIN)) {
            return true;
        }
        return user.hasRole(Role.CASE_MANAGER)
                && user.hospital().map(h -> h.level() == HospitalLevel.PROVINCIAL).orElse(false);
    }

    /** The caller's hospital when it is a county hospital: its staff see all its requests. */
    UUID ownCountyHospital(CurrentUser user) {
        return user.hospital().filter(h -> h.level() == HospitalLevel.COUNTY).map(HospitalView::id).orElse(null);
    }
}
