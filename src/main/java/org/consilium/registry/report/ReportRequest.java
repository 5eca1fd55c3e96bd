package org.consilium.registry.report;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.consilium.consult.PatientRequest;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A new-tumor report as any staff member files it. The patient is either {@code patientId} (already registered)
 * or {@code patient}: found in the reporting hospital's register by local ID, ID card or MRN, and registered
 * there when absent, so that reporting twice never makes a second patient.
 */
@Schema(example = """
        {"patient":{"localId":"CX-000777","name":"陈桂英","sex":"F","birthDate":"1958-03-14"},
         "certainty":"SUSPECTED","icd10":"C34.1","topography":"C34.1","detection":"SCREENING",
         "finding":"低剂量CT筛查：右肺上叶2.3cm磨玻璃结节，边缘毛刺。/ LDCT screening: 2.3 cm spiculated GGO, RUL.",
         "reporterPhone":"0572-6012345"}""")
public record ReportRequest(UUID patientId,
                            @Valid PatientRequest patient,
                            @NotNull Certainty certainty,
                            @NotBlank @Size(max = 8) String icd10,
                            @NotBlank @Size(max = 8) String topography,
                            @NotNull Detection detection,
                            @NotBlank @Size(max = 4000) String finding,
                            @Size(max = 32) @Pattern(regexp = "[0-9+() -]*") String reporterPhone) {
}
