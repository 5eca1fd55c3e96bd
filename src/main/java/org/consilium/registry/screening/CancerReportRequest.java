package org.consilium.registry.screening;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.consilium.registry.report.Certainty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The site of a cancer that screening found, to report it as a new tumor. */
@Schema(example = """
        {"certainty":"CONFIRMED","icd10":"C18.7","topography":"C18.7"}""")
public record CancerReportRequest(@NotNull Certainty certainty,
                                  @NotBlank @Size(max = 8) String icd10,
                                  @NotBlank @Size(max = 8) String topography) {
}
