package org.consilium.registry.referral;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The receiving side's decision on one carried item: recognised, or repeated with the reason. */
public record RecognitionRequest(@NotNull ReferralItem.Recognition recognition, @Size(max = 2000) String reason) {
}
