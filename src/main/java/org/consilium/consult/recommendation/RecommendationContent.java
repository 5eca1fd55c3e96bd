package org.consilium.consult.recommendation;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What the board recommends: the evaluation, the intent, the modalities in their order (steps with the same
 * {@code sequence} run concurrently, e.g. chemoradiotherapy), the rationale and the follow-up it asks the
 * county hospital for.
 */
@Schema(description = "Structured evaluation and recommendation of an MDT board")
public record RecommendationContent(
        @NotNull @Valid Evaluation evaluation,
        @NotNull Intent intent,
        @NotEmpty @Size(max = 12) List<@NotNull @Valid ModalityStep> modalities,
        @NotBlank @Size(max = 4000)
        @Schema(example = "Peripheral T2a tumour with one hilar node; fit for lobectomy (FEV1 72%).")
        String rationale,
        @Size(max = 20) List<@NotNull @Valid FollowUpPlan> followUps) {

    /** Why the patient is treated. */
    public enum Intent { CURATIVE, PALLIATIVE }

    /** The treatments a board can recommend. */
    public enum Modality { SURGERY, RADIOTHERAPY, CHEMOTHERAPY, TARGETED, IMMUNOTHERAPY, TRIAL, BEST_SUPPORTIVE_CARE }

    /** One treatment in the sequence; steps that share a sequence number are given together. */
    public record ModalityStep(
            @NotNull Modality modality,
            @NotNull @Min(1) @Max(12) @Schema(example = "1") Integer sequence,
            @Size(max = 500) @Schema(example = "VATS right upper lobectomy with systematic nodal dissection")
            String detail) {
    }

    /** A task for the requesting hospital, due a number of days after the recommendation is signed. */
    public record FollowUpPlan(
            @NotBlank @Size(max = 200) @Schema(example = "Re-stage with chest CT after 2 cycles") String title,
            @NotNull @Min(0) @Max(3650) @Schema(example = "42") Integer dueInDays) {
    }

    public List<FollowUpPlan> followUpsOrEmpty() {
        return followUps == null ? List.of() : followUps;
    }

    /** Rules across fields that annotations cannot state; each problem as "field: message". */
    public List<String> problems() {
        List<String> out = new ArrayList<>(evaluation.tnm().toTnm().problems());
        List<Integer> sequences = modalities.stream().map(ModalityStep::sequence).distinct().sorted().toList();
        for (int i = 0; i < sequences.size(); i++) {
            if (sequences.get(i) != i + 1) {
                out.add("modalities: sequence numbers must run 1, 2, 3 ... without gaps, found " + sequences);
                break;
            }
        }
        Set<String> seen = new java.util.HashSet<>();
        for (ModalityStep s : modalities) {
            if (!seen.add(s.modality() + "@" + s.sequence())) {
                out.add("modalities: " + s.modality() + " appears twice at sequence " + s.sequence());
            }
        }
        Set<Modality> used = EnumSet.noneOf(Modality.class);
        modalities.forEach(s -> used.add(s.modality()));
        if (used.contains(Modality.BEST_SUPPORTIVE_CARE) && intent == Intent.CURATIVE) {
            out.add("intent: best supportive care alone is not a curative plan");
        }
        if (used.contains(Modality.BEST_SUPPORTIVE_CARE) && used.size() > 1) {
            out.add("modalities: best supportive care excludes anti-tumour treatment");
        }
        if (used.contains(Modality.SURGERY) && evaluation.surgicalTolerance() == Evaluation.SurgicalTolerance.INTOLERABLE) {
            out.add("modalities: surgery is recommended but the evaluation finds the patient unfit for it");
        }
        return out;
    }
}
