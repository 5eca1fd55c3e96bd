package org.consilium.radiotherapy.review;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A reviewer's decision on a revision: APPROVE (the caller's sign-off; approval needs the reviewing
 * physician's and the physicist's) or RETURN with required changes.
 */
public record DecisionRequest(
        @Schema(example = "RETURN") @NotBlank @Pattern(regexp = "APPROVE|RETURN", message = "must be APPROVE or RETURN") String action,
        @Schema(example = "2") @NotNull @Min(1) Integer revision,
        @Size(max = 50) List<@Valid RequiredChange> requiredChanges,
        @Schema(example = "请按修改后的 PTV 重新优化计划") @Size(max = 4000) String note) {

    /** One required change of a return: a checklist category, the ROI where it applies, and what to do. */
    public record RequiredChange(
            @Schema(example = "OAR_DELINEATION") @NotBlank
            @Pattern(regexp = "TARGET_COVERAGE|OAR_DELINEATION|PRESCRIPTION|DOSE_CONSTRAINTS|OTHER",
                    message = "must be TARGET_COVERAGE, OAR_DELINEATION, PRESCRIPTION, DOSE_CONSTRAINTS or OTHER")
            String category,
            @Schema(example = "SPINALCORD") @Size(max = 64) String roi,
            @Schema(example = "脊髓应按椎管内缘勾画") @NotBlank @Size(max = 2000) String text) {
    }
}
