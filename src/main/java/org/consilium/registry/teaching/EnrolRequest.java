package org.consilium.registry.teaching;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A county hospital's radiotherapy staff member, by hospital and username. */
@Schema(example = """
        {"hospitalId": "019a0000-0000-7000-8000-000000000002", "username": "cx.rt"}""")
public record EnrolRequest(@NotNull UUID hospitalId, @NotBlank @Size(max = 200) String username) {
}
