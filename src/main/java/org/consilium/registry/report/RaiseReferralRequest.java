package org.consilium.registry.report;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.consilium.consult.ConsultRequest;
import org.consilium.registry.referral.CarriedReport;

/** An up-referral raised from a recorded report in one step; the green channel is the report's priority channel. */
public record RaiseReferralRequest(@NotNull UUID toHospitalId,
                                   @NotBlank @Size(max = 4000) String reason,
                                   @Size(max = 50) List<@NotNull @Pattern(regexp = ConsultRequest.UID) String> studyUids,
                                   @Size(max = 50) List<@NotNull @Valid CarriedReport> reports) {
}
