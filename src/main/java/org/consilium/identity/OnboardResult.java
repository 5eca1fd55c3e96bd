package org.consilium.identity;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The outcome of onboarding. {@code created} is false when the alias was already onboarded; the
 * initial password is shown once, only when the admin account was created by this call.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OnboardResult(boolean created, HospitalView hospital, String organizationId, AdminAccount admin) {

    /** The hospital-admin account; it must change the initial password at first login. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record AdminAccount(String id, String username, String initialPassword) {
    }
}
