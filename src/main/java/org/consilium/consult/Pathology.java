package org.consilium.consult;

import java.time.LocalDate;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The structured part of a pathology report; the report itself may be attached as a PDF or image.
 *
 * @param markers immunohistochemistry and molecular results by marker, e.g. {@code EGFR -> "19del"}
 */
@Schema(description = "Structured pathology", example = """
        {"reportNo":"P2026-01873","specimen":"CT-guided biopsy","primarySite":"右肺上叶 right upper lobe",
         "histology":"浸润性腺癌 invasive adenocarcinoma","grade":"G2","reportedOn":"2026-11-02",
         "markers":{"EGFR":"19del","ALK":"negative","PD-L1":"TPS 60%"}}""")
public record Pathology(String reportNo, String specimen, String primarySite, String histology, String grade,
                        LocalDate reportedOn, Map<String, String> markers) {
}
