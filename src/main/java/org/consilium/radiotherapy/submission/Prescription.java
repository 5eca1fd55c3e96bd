package org.consilium.radiotherapy.submission;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The prescription under review: total dose and number of fractions. */
public record Prescription(
        @Schema(example = "60") @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("150") Double totalDoseGy,
        @Schema(example = "30") @NotNull @Min(1) @Max(60) Integer fractions) {
}
