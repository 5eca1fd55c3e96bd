package org.consilium.archive.forward;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;

/** Send a whole study, or the listed instances, to a registered AE. Give exactly one of the two. */
public record ForwardRequest(
        @NotBlank @Size(max = 16) String targetAe,
        @Size(max = 64) String studyUid,
        @Size(max = 10_000) List<@NotBlank @Size(max = 64) String> sopInstanceUids) {
}
