package org.consilium.consult.board;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A new meeting. An ad-hoc session ({@code kind} AD_HOC) has exactly one consult; a board has one or more,
 * presented in the order given. The chair and the invitees are Keycloak user ids from the staff directory
 * ({@code GET /api/hospitals/{id}/staff?discipline=...}); the chair is invited automatically.
 */
@Schema(description = "A new MDT meeting or ad-hoc session")
public record MeetingRequest(
        Meeting.Kind kind,
        @NotBlank @Size(max = 200) @Schema(example = "胸部肿瘤 MDT / Thoracic tumour board") String title,
        @NotNull @Schema(example = "2026-11-25T06:30:00Z") Instant startsAt,
        @NotNull @Schema(example = "2026-11-25T08:00:00Z") Instant endsAt,
        @Size(max = 200) @Schema(example = "门诊楼 5 楼会诊中心 / Outpatient building, 5th floor") String place,
        @Size(max = 500) @Pattern(regexp = "https://\\S+", message = "must be an https URL")
        @Schema(example = "https://meet.example.org/mdt-thoracic") String onlineUrl,
        @NotBlank @Size(max = 64) @Schema(example = "3f0e8a4c-0c1e-4f55-9d4f-6a1f8a2b7c11") String chairId,
        @NotNull @Size(min = 1, max = 30) List<@NotNull UUID> consultIds,
        @Size(max = 50) List<@NotBlank @Size(max = 64) String> inviteeIds) {

    Meeting.Kind kindOrBoard() {
        return kind == null ? Meeting.Kind.BOARD : kind;
    }

    List<String> inviteesOrEmpty() {
        return inviteeIds == null ? List.of() : inviteeIds;
    }
}
