package org.consilium.consult;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The case manager's priority, 1 (first) to 5; {@code version} is the consult version last read. */
@Schema(example = """
        {"priority":1,"version":4}""")
public record PriorityRequest(@NotNull @Min(1) @Max(5) Integer priority, @NotNull Long version) {
}
