package org.consilium.registry.referral;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.consilium.consult.ConsultRequest;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A referral to raise. UP goes from the patient's county hospital to a provincial hospital; DOWN from the
 * caller's provincial hospital to a county hospital, optionally to a named doctor there ({@code toDoctorId}),
 * with the rehabilitation or follow-up {@code plan}. The studies are shared with the receiving hospital.
 */
@Schema(example = """
        {"direction":"UP","patientId":"019a6f3e-8a1c-7b2d-9e4f-0a1b2c3d4e5f",
         "toHospitalId":"019a0000-0000-7000-8000-000000000001",
         "reason":"疑似右肺上叶周围型肺癌，需进一步明确诊断与治疗 / Suspected peripheral lung cancer, RUL",
         "greenChannel":{"examination":true,"consultation":true,"admission":false},
         "studyUids":["1.2.826.0.1.3680043.10.1234.1"],
         "reports":[{"title":"CT报告 / CT report","text":"右肺上叶2.3cm结节，毛刺征。"}]}""")
public record ReferralRequest(@NotNull Direction direction,
                              @NotNull UUID patientId,
                              @NotNull UUID toHospitalId,
                              @Size(max = 64) String toDoctorId,
                              @NotBlank @Size(max = 4000) String reason,
                              @Size(max = 8000) String plan,
                              GreenChannel greenChannel,
                              @Size(max = 50) List<@NotNull @Pattern(regexp = ConsultRequest.UID) String> studyUids,
                              @Size(max = 50) List<@NotNull @Valid CarriedReport> reports) {
}
