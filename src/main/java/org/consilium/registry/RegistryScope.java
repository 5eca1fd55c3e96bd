package org.consilium.registry;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import org.consilium.identity.CurrentUser;
import org.consilium.identity.HospitalAccess;
import org.consilium.identity.HospitalDirectory;
import org.consilium.identity.HospitalView;
import org.consilium.identity.Role;
import org.consilium.platform.ProblemException;
import org.consilium.platform.ProblemType;

/**
 * Whose case-management data a caller sees, by identity's one rule ({@link HospitalAccess}): their own
 * hospital's, or the whole alliance's for provincial case managers and platform admins.
 */
@ApplicationScoped
public class RegistryScope {

    @Inject
    HospitalAccess access;
    @Inject
    HospitalDirectory hospitals;

    /** The hospitals whose reports and referrals the caller may list. */
    public List<UUID> visibleHospitals(CurrentUser user) {
        return hospitals.all().stream().map(HospitalView::id).filter(id -> access.maySee(user, id)).toList();
    }

    public boolean maySee(CurrentUser user, UUID hospitalId) {
        return access.maySee(user, hospitalId);
    }

    /** The caller's hospital; 403 for an account that belongs to none. */
    public HospitalView ownHospital(CurrentUser user) {
        return user.hospital().orElseThrow(() -> new ProblemException(ProblemType.FORBIDDEN,
                "Your account belongs to no hospital"));
    }

    /** A hospital of the alliance; 400 {@code validation} naming the field when it is not one. */
    public HospitalView member(String field, UUID hospitalId) {
        return hospitals.byId(hospitalId).orElseThrow(() -> new ProblemException(ProblemType.VALIDATION,
                field + ": " + hospitalId + " is not a hospital of the alliance (不是医联体成员单位)"));
    }

    public static void requireCaseManager(CurrentUser user) {
        if (!user.hasRole(Role.CASE_MANAGER) && !user.hasRole(Role.PLATFORM_ADMIN)) {
            throw new ProblemException(ProblemType.FORBIDDEN, "Only case managers (专管员) do this");
        }
    }
}
