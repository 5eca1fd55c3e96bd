package org.consilium.radiotherapy.review;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request bodies of the review routes. */
public final class ReviewRequests {

    private ReviewRequests() {
    }

    /** A provincial reviewer to assign (a Keycloak user id, as /api/hospitals/{id}/staff lists them). */
    public record Reviewer(@Schema(example = "5f0c6a9e-2b8d-4c1e-9a57-0d3f2e1b4c6a") @NotBlank @Size(max = 64) String userId,
                           @Schema(example = "李明") @NotBlank @Size(max = 200) String displayName) {
    }

    /** Why a revision is committed. */
    public record Commit(@Schema(example = "PTV 外扩 3 mm，脊髓按椎管重新勾画") @NotBlank @Size(max = 2000) String reason) {
    }
}
