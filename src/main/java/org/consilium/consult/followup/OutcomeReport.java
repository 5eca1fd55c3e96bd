package org.consilium.consult.followup;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The county hospital's report on a follow-up task; {@code version} is the one it last read. */
@Schema(description = "The outcome of a follow-up task")
public record OutcomeReport(
        @NotBlank @Size(max = 4000)
        @Schema(example = "2 周期后复查 CT：原发灶缩小 40%，部分缓解 (PR) / CT after 2 cycles: primary 40% smaller, PR")
        String outcome,
        @NotNull @Schema(example = "0") Long version) {
}
