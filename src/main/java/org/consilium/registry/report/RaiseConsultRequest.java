package org.consilium.registry.report;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.consilium.consult.ConsultRequest;

/**
 * A consult request raised from a recorded report in one step: the report's finding and site become the
 * clinical summary; a report with priority consultation goes in the green channel.
 */
public record RaiseConsultRequest(@NotBlank @Size(max = 2000) String question,
                                  @NotEmpty List<@NotNull @Pattern(regexp = ConsultRequest.DISCIPLINE) String> disciplines,
                                  @Size(max = 50) List<@NotNull @Pattern(regexp = ConsultRequest.UID) String> studyUids) {
}
