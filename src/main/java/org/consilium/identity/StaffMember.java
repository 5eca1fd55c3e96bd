package org.consilium.identity;

import java.util.Set;

/** A member of a hospital's staff as read from Keycloak. */
public record StaffMember(String id, String username, String displayName, String email, String discipline,
                          Set<String> roles) {
}
