package org.consilium.registry.followup;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A follow-up schedule to generate for a patient and primary tumor: the template follows from {@code icd10} and
 * {@code stage} (AJCC group 0, I–IV with an optional letter); visits start from {@code startOn} (default today). The
 * caller is the attending doctor, told of every outcome, unless {@code attending} names another doctor (a clinician or
 * specialist of an alliance hospital, e.g. the provincial doctor who treated the patient, when a case manager sets
 * the schedule up); the schedule is assigned to the caller until handed over.
 */
@Schema(example = """
        {"patientId":"019a6f3e-8a1c-7b2d-9e4f-0a1b2c3d4e5f","icd10":"C34.1","stage":"IIB","startOn":"2026-12-01"}""")
public record ScheduleRequest(@NotNull UUID patientId,
                              @NotBlank @Size(max = 8) String icd10,
                              @NotBlank @Pattern(regexp = "0|(I|II|III|IV)[A-C]?") String stage,
                              LocalDate startOn,
                              @Valid HandOverRequest attending) {
}
