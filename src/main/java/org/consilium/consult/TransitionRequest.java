package org.consilium.consult;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A move of the state machine. {@code version} is the consult version the client last saw.
 * {@code note} is the message of a RETURN or the reason of a DECLINE.
 */
@Schema(example = """
        {"action":"RETURN","version":3,"note":"请补充病理报告原件及近两周血常规 / please attach the pathology report and a recent blood count"}""")
public record TransitionRequest(@NotNull ConsultAction action, @NotNull Long version, @Size(max = 2000) String note) {
}
