package org.consilium.registry.referral;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A report (pathology, laboratory, imaging report) a referral carries as text, for mutual recognition. */
public record CarriedReport(@NotBlank @Size(max = 200) String title, @Size(max = 8000) String text) {
}
