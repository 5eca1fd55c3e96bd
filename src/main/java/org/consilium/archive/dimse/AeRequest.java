package org.consilium.archive.dimse;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A new or replaced AE entry. Omitted direction flags default to true. The title is stored trimmed, in the
 * case given: AE titles compare exactly (PS3.5 6.2, AE: leading and trailing spaces are not significant).
 */
public record AeRequest(
        // PS3.5 6.2 AE: at most 16 characters of the default repertoire, no backslash or control characters,
        // not only spaces
        @NotNull @Pattern(regexp = "(?=.*[^ ])[\\x20-\\x5B\\x5D-\\x7E]{1,16}",
                message = "must be 1 to 16 characters of the DICOM AE repertoire (no backslash, not all spaces)")
        String aeTitle,
        @NotNull @Pattern(regexp = "[A-Za-z0-9._:\\[\\]-]{1,255}", message = "must be a host name or IP address")
        String host,
        @NotNull @Min(1) @Max(65535) Integer port,
        Boolean mayStore,
        Boolean mayQuery,
        Boolean mayReceive,
        @Size(max = 200) String description) {

    String title() {
        return aeTitle.strip();
    }
}
