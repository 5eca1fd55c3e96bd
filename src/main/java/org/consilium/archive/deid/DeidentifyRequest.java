package org.consilium.archive.deid;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.consilium.archive.StudyDeidentification;

/**
 * A request to de-identify a study: the pseudonym that replaces Patient ID and Patient's Name, and the
 * options of PS3.15 Annex E (all false: the Basic Profile alone).
 */
public record DeidentifyRequest(
        @NotBlank @Size(max = 64) @Pattern(regexp = "[\\x20-\\x5B\\x5D-\\x7E]+",
                message = "printable ASCII without a backslash") String pseudonymId,
        @NotBlank @Size(max = 64) @Pattern(regexp = "[\\x20-\\x5B\\x5D-\\x7E]+",
                message = "printable ASCII without a backslash") String pseudonymName,
        boolean retainLongitudinalModifiedDates,
        boolean cleanDescriptors,
        boolean retainPrivate,
        boolean acceptBurnedInAnnotation) {

    StudyDeidentification.Options options() {
        return new StudyDeidentification.Options(retainLongitudinalModifiedDates, cleanDescriptors, retainPrivate,
                acceptBurnedInAnnotation);
    }
}
