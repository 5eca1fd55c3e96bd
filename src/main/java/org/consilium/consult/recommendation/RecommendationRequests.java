package org.consilium.consult.recommendation;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request bodies of the recommendation routes. */
public final class RecommendationRequests {

    private RecommendationRequests() {
    }

    /** A draft's content; {@code version} is required when replacing a draft (optimistic lock). */
    @Schema(description = "The content of a draft recommendation")
    public record Draft(@NotNull @Valid RecommendationContent content, @Schema(example = "0") Long version) {
    }

    /** A participant's own opinion. */
    @Schema(description = "A participant's opinion; DISSENT is recorded in the report")
    public record OpinionInput(
            @NotNull Opinion.Position position,
            @Size(max = 2000) @Schema(example = "建议先行新辅助化疗 / I would give neoadjuvant chemotherapy first")
            String comment) {
    }

    /** The version the client saw, for finalise and sign. */
    @Schema(description = "The version the client last read")
    public record Step(@Schema(example = "1") Long version) {
    }

    /** Why a signed recommendation is amended. */
    @Schema(description = "The reason for an amendment")
    public record Amendment(
            @NotBlank @Size(max = 2000) @Schema(example = "病理复核为腺癌 EGFR 19 外显子缺失 / pathology review: EGFR exon 19 deletion")
            String reason) {
    }
}
