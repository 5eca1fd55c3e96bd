package org.consilium.registry.teaching;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Make a teaching case of a signed consult or an approved radiotherapy review.
 *
 * @param stage for a review, the stage group to file the case under (a consult's comes from its TNM)
 */
@Schema(description = "A teaching case from a signed consult or an approved radiotherapy review", example = """
        {"source": "RT_REVIEW", "sourceId": "019a3c1e-7d2f-7b40-9a51-3f1e2d4c5b6a",
         "title": "肺癌 SBRT 靶区勾画 / lung SBRT target delineation", "stage": "IIB"}""")
public record CaseRequest(
        @NotNull Source source,
        @NotNull UUID sourceId,
        @Size(max = 200) String title,
        @Size(max = 12) @Pattern(regexp = "[0-9A-Za-z]*") String stage) {

    public enum Source { CONSULT, RT_REVIEW }
}
