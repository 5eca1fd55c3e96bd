package org.consilium.consult;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A consult request as a county clinician or a case manager raises it (and edits it while it is requested or
 * returned). The requesting hospital is the patient's hospital. {@code studyUids} attach studies now;
 * {@code accessionNumbers} name studies still to come, which attach themselves when the archive receives them
 * (as do later studies with the patient's local ID).
 */
@Schema(example = """
        {"patientId":"019a6f3e-8a1c-7b2d-9e4f-0a1b2c3d4e5f",
         "clinicalSummary":"男，65岁，咳嗽3月，CT示右肺上叶3.2cm占位伴纵隔淋巴结肿大。/ 65-year-old man, cough for 3 months; CT: 3.2 cm RUL mass, enlarged mediastinal nodes.",
         "question":"可否手术？是否需要新辅助治疗？/ Resectable? Is neoadjuvant therapy indicated?",
         "urgency":"URGENT","requestedDisciplines":["surgery","radiation-oncology","medical-oncology"],
         "pathology":{"reportNo":"P2026-01873","specimen":"CT-guided biopsy","primarySite":"右肺上叶",
                      "histology":"浸润性腺癌","grade":"G2","reportedOn":"2026-11-02","markers":{"EGFR":"19del","PD-L1":"TPS 60%"}},
         "labs":[{"test":"CEA","value":"12.4","unit":"ng/mL","referenceRange":"0-5","flag":"H","collectedOn":"2026-11-01"}],
         "studyUids":["1.2.826.0.1.3680043.10.1234.1"],"accessionNumbers":["CX20261101"]}""")
public record ConsultRequest(@NotNull UUID patientId,
                             @NotBlank @Size(max = 8000) String clinicalSummary,
                             @NotBlank @Size(max = 2000) String question,
                             @NotNull Urgency urgency,
                             @NotEmpty List<@NotNull @Pattern(regexp = DISCIPLINE) String> requestedDisciplines,
                             @Valid Pathology pathology,
                             @Size(max = 200) List<@NotNull LabResult> labs,
                             @Size(max = 50) List<@NotNull @Pattern(regexp = UID) String> studyUids,
                             @Size(max = 20) List<@NotNull @Pattern(regexp = "[\\x20-\\x7E]{1,16}") String> accessionNumbers) {

    /** Role.DISCIPLINES, spelled out for the validator. */
    public static final String DISCIPLINE = "radiation-oncology|medical-oncology|surgery|pathology|radiology|medical-physics";
    /** PS3.5 9.1: digits and dots, at most 64 characters, no empty or zero-padded components. */
    public static final String UID = "(?=.{1,64}$)(0|[1-9]\\d*)(\\.(0|[1-9]\\d*))*";

    List<String> studyUidsOrEmpty() {
        return studyUids == null ? List.of() : studyUids;
    }
}
