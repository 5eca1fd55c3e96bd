package org.consilium.registry.screening;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A new screening programme with the population each member unit is to screen. */
@Schema(example = """
        {"name":"长兴县结直肠癌筛查 2026 / Changxing colorectal cancer screening 2026","site":"C18-C20","year":2026,
         "targets":[{"hospitalId":"019a0000-0000-7000-8000-000000000002","population":12000}]}""")
public record ProgrammeRequest(@NotBlank @Size(max = 200) String name,
                               @NotBlank @Pattern(regexp = "C[0-9]{2}(\\.[0-9])?(-C[0-9]{2}(\\.[0-9])?)?",
                                       message = "must be an ICD-10 C code or range, e.g. C18-C20") String site,
                               @NotNull @Min(2000) @Max(2100) Integer year,
                               @NotEmpty @Size(max = 500) List<@Valid @NotNull Target> targets) {

    /** A member unit and how many people it is to screen. */
    public record Target(@NotNull UUID hospitalId, @NotNull @Min(1) @Max(10_000_000) Integer population) {
    }
}
