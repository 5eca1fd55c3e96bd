package org.consilium.consult;

import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One laboratory value, e.g. a tumour marker or a liver-function test. {@code flag} is H, L or N. */
@Schema(description = "A lab result", example = """
        {"test":"CEA","value":"12.4","unit":"ng/mL","referenceRange":"0-5","flag":"H","collectedOn":"2026-11-01"}""")
public record LabResult(String test, String value, String unit, String referenceRange, String flag,
                        LocalDate collectedOn) {
}
