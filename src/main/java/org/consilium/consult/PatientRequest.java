package org.consilium.consult;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A patient to register. {@code hospitalId} defaults to the caller's hospital; provincial case managers may
 * register a patient for a county hospital. {@code localId} is the hospital's own patient ID, the one its PACS
 * puts in PatientID, so that its studies attach to the patient's consults.
 */
@Schema(example = """
        {"localId":"CX-000123","name":"张建国","sex":"M","birthDate":"1961-05-08",
         "idCard":"330522196105080019","mrn":"ZY2026-0456"}""")
public record PatientRequest(UUID hospitalId,
                             @NotBlank @Size(max = 64) @Pattern(regexp = "[\\x21-\\x7E]+") String localId,
                             @NotBlank @Size(max = 100) String name,
                             @NotBlank @Pattern(regexp = "[MFOU]") String sex,
                             LocalDate birthDate,
                             @Size(min = 18, max = 18) String idCard,
                             @Size(max = 64) String mrn) {
}
