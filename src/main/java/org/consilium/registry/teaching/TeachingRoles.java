package org.consilium.registry.teaching;

import org.consilium.identity.CurrentUser;
import org.consilium.identity.HospitalLevel;
import org.consilium.identity.HospitalView;
import org.consilium.identity.Role;
import org.consilium.platform.ProblemException;
import org.consilium.platform.ProblemType;

/** Who teaches (the provincial hospital's specialists, rt-staff and case managers; platform admins) and who trains. */
final class TeachingRoles {

    private TeachingRoles() {
    }

    static boolean teaches(CurrentUser user) {
        if (user.hasRole(Role.PLATFORM_ADMIN)) {
            return true;
        }
        boolean provincial = user.hospital().map(HospitalView::level).orElse(null) == HospitalLevel.PROVINCIAL;
        return provincial && (user.hasRole(Role.SPECIALIST) || user.hasRole(Role.RT_STAFF)
                || user.hasRole(Role.CASE_MANAGER));
    }

    static void requireTeacher(CurrentUser user) {
        if (!teaches(user)) {
            throw new ProblemException(ProblemType.FORBIDDEN,
                    "Teaching cases and courses are made by the provincial hospital's staff (省级医院带教老师)");
        }
    }
}
