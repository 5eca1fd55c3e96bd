package org.consilium.radiotherapy.submission;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The case manager's priority of a plan in the review queue, 1 (first) to 5, as consults have, and the SLA
 * target in hours from entering the queue to a decision (the configured default when absent);
 * {@code version} is the submission's row version last read.
 */
@Schema(example = """
        {"priority": 1, "slaHours": 24, "version": 3}""")
public record PriorityRequest(@NotNull @Min(1) @Max(5) Integer priority, @Min(1) @Max(720) Integer slaHours,
                              @NotNull Long version) {
}
