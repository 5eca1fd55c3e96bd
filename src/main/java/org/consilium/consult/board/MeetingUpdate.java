package org.consilium.consult.board;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** New time, place or title of a planned meeting; {@code version} is the one the client last read. */
@Schema(description = "Reschedule or rename a planned meeting")
public record MeetingUpdate(
        @NotBlank @Size(max = 200) @Schema(example = "胸部肿瘤 MDT / Thoracic tumour board") String title,
        @NotNull @Schema(example = "2026-11-26T06:30:00Z") Instant startsAt,
        @NotNull @Schema(example = "2026-11-26T08:00:00Z") Instant endsAt,
        @Size(max = 200) String place,
        @Size(max = 500) @Pattern(regexp = "https://\\S+", message = "must be an https URL") String onlineUrl,
        @NotNull @Schema(example = "0") Long version) {
}
