package org.consilium.radiotherapy.submission;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The county's resubmission of a returned plan: an answer to every required change of the return (by its
 * number, from 1), and a note. The corrected objects are sent to the same study as before.
 */
public record ResubmissionRequest(
        @NotNull @Size(min = 1, max = 50) List<@Valid @NotNull Answer> answers,
        @Schema(example = "已按要求修改脊髓勾画并重新优化") @Size(max = 4000) String note) {

    /**
     * @param change the required change's number in the return (1, 2, ...)
     * @param done   whether it was done
     * @param reason what was done, or why not (required when not done)
     */
    public record Answer(@Schema(example = "1") @NotNull @Min(1) Integer change,
                         @Schema(example = "true") @NotNull Boolean done,
                         @Schema(example = "脊髓已按椎管内缘重新勾画") @Size(max = 2000) String reason) {
    }
}
