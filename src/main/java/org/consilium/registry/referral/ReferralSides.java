package org.consilium.registry.referral;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.UUID;
import org.consilium.identity.CurrentUser;
import org.consilium.identity.HospitalView;
import org.consilium.identity.Role;
import org.consilium.registry.RegistryScope;

/**
 * Who stands on which side of a referral. The referring side is whoever may see the referring hospital; the
 * receiving side is the receiving hospital's own clinical staff (and the named doctor of a down-referral), so a
 * hospital sees only the referrals it sent or that are addressed to it.
 */
@ApplicationScoped
class ReferralSides {

    @Inject
    RegistryScope scope;

    boolean maySee(CurrentUser user, Referral r) {
        return scope.maySee(user, r.fromHospitalId) || receives(user, r);
    }

    /** Whether the caller acts for the receiving hospital. */
    boolean receives(CurrentUser user, Referral r) {
        if (user.hasRole(Role.PLATFORM_ADMIN)) {
            return true;
        }
        if (r.toDoctorId != null && r.toDoctorId.equals(user.id())) {
            return true;
        }
        UUID own = user.hospital().map(HospitalView::id).orElse(null);
        return r.toHospitalId.equals(own) && (user.hasRole(Role.CASE_MANAGER) || user.hasRole(Role.CLINICIAN)
                || user.hasRole(Role.SPECIALIST));
    }
}
