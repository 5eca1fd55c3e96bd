package org.consilium.registry.screening;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A person invited; {@code hospitalId} defaults to the caller's hospital. */
@Schema(example = """
        {"localId":"ZC-20260311-0042","name":"沈玉芳","sex":"F","birthDate":"1962-07-19","invitedOn":"2026-03-11"}""")
public record ParticipantRequest(UUID hospitalId,
                                 @NotBlank @Size(max = 64) @Pattern(regexp = "[\\x21-\\x7E]+") String localId,
                                 @NotBlank @Size(max = 100) String name,
                                 @NotBlank @Pattern(regexp = "[MFOU]") String sex,
                                 @Past LocalDate birthDate,
                                 @NotNull @PastOrPresent LocalDate invitedOn) {
}
