package org.consilium.radiotherapy.dose;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A constraint template to create (POST, with {@code site}) or a new version of one (PUT, with
 * {@code basedOnVersion}, the version the editor started from). Each constraint is checked as
 * {@link DoseConstraint} checks it; a bad one is a 400 naming its position.
 */
public record TemplateRequest(
        @Schema(example = "lung-sbrt") @Pattern(regexp = "[a-z][a-z0-9-]{1,39}", message = "must be a site key such as lung-sbrt")
        String site,
        @Schema(example = "肺癌 SBRT / Lung SBRT") @NotBlank @Size(max = 200) String name,
        @NotNull @Size(min = 1, max = 100) List<@Valid @NotNull Constraint> constraints,
        @Schema(example = "1") @Min(1) Integer basedOnVersion,
        @Schema(example = "按 2026 年科室共识更新心脏限量") @Size(max = 2000) String note) {

    /** One limit, as {@link DoseConstraint} holds it. */
    public record Constraint(@Schema(example = "[\"HEART\"]") @NotNull @Size(min = 1, max = 10) List<@NotBlank @Size(max = 64) String> roi,
                             @Schema(example = "Dmean") @NotBlank @Size(max = 16) String statistic,
                             @Schema(example = "<") @NotBlank String comparator,
                             @Schema(example = "26") @NotNull Double limit,
                             @Schema(example = "Gy") @NotBlank String unit,
                             @Schema(example = "QUANTEC, Gagliardi 2010") @Size(max = 300) String source) {
    }
}
