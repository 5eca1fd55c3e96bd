package org.consilium.consult;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Assign a provincial specialist, picked from {@code GET /api/consult-queue/specialists?discipline=}.
 * {@code discipline} defaults to the specialist's own.
 */
@Schema(example = """
        {"userId":"6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f","discipline":"radiation-oncology"}""")
public record AssignRequest(@NotBlank String userId, @Pattern(regexp = ConsultRequest.DISCIPLINE) String discipline) {
}
