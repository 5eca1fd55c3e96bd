package org.consilium.identity;

import java.util.Set;

/** The caller as {@code GET /api/me} shows them. */
public record MeView(String id, String username, String displayName, HospitalView hospital, Set<String> roles,
                     String discipline) {

    static MeView of(CurrentUser u) {
        return new MeView(u.id(), u.username(), u.displayName(), u.hospital().orElse(null), u.roles(),
                u.discipline().orElse(null));
    }
}
