package org.consilium.identity;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A platform admin's request to bring a hospital into the alliance, with its first hospital-admin. */
public record OnboardRequest(
        @NotBlank @Pattern(regexp = "[a-z][a-z0-9-]{1,62}", message = "lower-case letters, digits and '-', 2 to 63 characters, starting with a letter")
        String alias,
        @NotBlank @Size(max = 200) String name,
        @Size(max = 200) String nameEn,
        HospitalLevel level,
        @Size(max = 253) @Pattern(regexp = "[a-z0-9.-]+", message = "a DNS domain name") String domain,
        @NotNull @Valid Admin admin) {

    /** The hospital-admin account created with the hospital. */
    public record Admin(
            @NotBlank @Pattern(regexp = "[a-z0-9._-]{3,64}", message = "3 to 64 of a-z, 0-9, '.', '_' or '-'")
            String username,
            @NotBlank @Email String email,
            @NotBlank @Size(max = 100) String familyName,
            @NotBlank @Size(max = 100) String givenName) {
    }

    HospitalLevel levelOrDefault() {
        return level == null ? HospitalLevel.COUNTY : level;
    }

    String domainOrDefault() {
        return domain == null || domain.isBlank() ? alias + ".consilium.local" : domain;
    }
}
