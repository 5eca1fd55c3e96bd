package org.consilium.registry.referral;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/**
 * A move of the receiving hospital. ACCEPT needs an appointment ({@code appointmentAt} and/or
 * {@code appointment}, e.g. the clinic) or a {@code bed}; DECLINE needs the {@code note} as its reason.
 */
public record ReferralTransition(@NotNull ReferralAction action, @NotNull Long version, Instant appointmentAt,
                                 @Size(max = 200) String appointment, @Size(max = 64) String bed,
                                 @Size(max = 2000) String note) {
}
