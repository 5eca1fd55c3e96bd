package org.consilium.consult.recommendation;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The board's assessment of the patient: performance status, organ function, whether surgery would be
 * tolerated, and the extent of the tumour.
 *
 * @param ecog ECOG performance status, 0 (fully active) to 5 (dead)
 */
@Schema(description = "The board's assessment: ECOG, organ function, surgical tolerance, TNM")
public record Evaluation(
        @NotNull @Min(0) @Max(5) @Schema(example = "1") Integer ecog,
        @NotNull @Valid OrganFunction organFunction,
        @NotNull SurgicalTolerance surgicalTolerance,
        @NotNull @Valid TnmInput tnm,
        @Size(max = 2000) @Schema(example = "FEV1 1.9 L (72%), DLCO 68%") String notes) {

    /** Function of each organ system that limits treatment. */
    public record OrganFunction(@NotNull OrganStatus cardiac, @NotNull OrganStatus pulmonary,
                                @NotNull OrganStatus hepatic, @NotNull OrganStatus renal) {
    }

    /** How far an organ's function is impaired (NORMAL, or MILD, MODERATE, SEVERE impairment). */
    public enum OrganStatus { NORMAL, MILD, MODERATE, SEVERE }

    /** Whether the patient would tolerate the surgery the tumour needs. */
    public enum SurgicalTolerance { TOLERABLE, MARGINAL, INTOLERABLE, NOT_APPLICABLE }

    /** TNM as the client sends it; {@link Tnm} checks it against the AJCC 8th edition. */
    public record TnmInput(
            @NotNull @Size(max = 40) @Schema(example = "lung") String site,
            @NotNull @Size(max = 12) @Schema(example = "cT2a") String t,
            @NotNull @Size(max = 12) @Schema(example = "cN1") String n,
            @NotNull @Size(max = 12) @Schema(example = "cM0") String m,
            @NotNull @Size(max = 12) @Schema(example = "IIB") String stageGroup) {

        public Tnm toTnm() {
            return new Tnm(site, t, n, m, stageGroup);
        }
    }
}
