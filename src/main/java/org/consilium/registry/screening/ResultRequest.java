package org.consilium.registry.screening;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A person's results so far, replacing what was recorded: the questionnaire's verdict, the FIT, the colonoscopy
 * and its finding with pathology. A finding needs a colonoscopy date.
 */
@Schema(example = """
        {"version":0,"questionnaireHighRisk":false,"fitResult":"POSITIVE","colonoscopyOn":"2026-04-02",
         "finding":"PRECANCEROUS","pathology":"管状腺瘤伴低级别上皮内瘤变 / tubular adenoma, low-grade dysplasia"}""")
public record ResultRequest(@NotNull Long version,
                            Boolean questionnaireHighRisk,
                            FitResult fitResult,
                            @PastOrPresent LocalDate colonoscopyOn,
                            Finding finding,
                            @Size(max = 2000) String pathology) {
}
