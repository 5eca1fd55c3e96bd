package org.consilium.registry.followup;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;

/** Hands a schedule to a doctor (社区医生 or county clinician) of an alliance hospital, who then sees only it. */
public record HandOverRequest(@NotNull UUID hospitalId, @NotBlank @Size(max = 64) String userId) {
}
