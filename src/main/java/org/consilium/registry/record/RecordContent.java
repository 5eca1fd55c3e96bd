package org.consilium.registry.record;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.consilium.consult.recommendation.RecommendationContent.Intent;
import org.consilium.consult.recommendation.RecommendationContent.Modality;
import org.consilium.registry.followup.FollowUpVisit.Recist;
import org.consilium.registry.followup.FollowUpVisit.VitalStatus;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The fields of a tumor registry record (肿瘤数据库), beside the patient's basic information which stays in the
 * patient register: attending doctor; diagnosis (date, basis, ICD-10, ICD-O-3 topography and morphology,
 * histology and grade); pathological stage (TNM with its AJCC edition); ECOG; treatment (intent, modalities, plan,
 * radiotherapy course); response assessment (RECIST 1.1) and follow-up. Every field may be empty in a draft;
 * {@link RecordRules#missingForConfirmation} names those a confirmed record needs.
 */
@Schema(name = "RegistryRecordContent", example = """
        {"attendingDoctor":"钱进","diagnosisDate":"2026-11-02","basisOfDiagnosis":"HISTOLOGY_PRIMARY",
         "icd10":"C34.1","topography":"C34.1","morphology":"8140/3","histology":"浸润性腺癌 invasive adenocarcinoma",
         "grade":"G2","tnmEdition":8,"t":"pT2a","n":"pN1","m":"cM0","stageGroup":"IIB","ecog":1,"intent":"CURATIVE",
         "treatments":[{"modality":"SURGERY","sequence":1,"detail":"胸腔镜右肺上叶切除","status":"COMPLETED"},
                       {"modality":"CHEMOTHERAPY","sequence":2,"detail":"顺铂 + 培美曲塞 4 周期","status":"ONGOING"}],
         "treatmentPlan":"手术切除后辅助化疗","rtTotalDoseGy":null,"rtFractions":null,"rtTechnique":null,
         "recist":"SD","responseOn":"2027-02-01","lastContactOn":"2027-02-01","vitalStatus":"ALIVE",
         "deathDate":null,"recurrence":false,"progression":false}""")
public record RecordContent(
        @Size(max = 200) String attendingDoctor,
        LocalDate diagnosisDate,
        BasisOfDiagnosis basisOfDiagnosis,
        @Size(max = 8) String icd10,
        @Size(max = 8) String topography,
        @Size(max = 8) String morphology,
        @Size(max = 500) String histology,
        @Size(max = 20) String grade,
        @Min(6) @Max(9) Integer tnmEdition,
        @Size(max = 12) String t,
        @Size(max = 12) String n,
        @Size(max = 12) String m,
        @Size(max = 12) String stageGroup,
        @Min(0) @Max(5) Integer ecog,
        Intent intent,
        @Size(max = 12) List<@NotNull @Valid Treatment> treatments,
        @Size(max = 4000) String treatmentPlan,
        @DecimalMin(value = "0", inclusive = false) @DecimalMax("150") Double rtTotalDoseGy,
        @Min(1) @Max(60) Integer rtFractions,
        @Size(max = 200) String rtTechnique,
        Recist recist,
        LocalDate responseOn,
        LocalDate lastContactOn,
        VitalStatus vitalStatus,
        LocalDate deathDate,
        Boolean recurrence,
        Boolean progression) {

    /** An empty draft. */
    static final RecordContent EMPTY = new RecordContent(null, null, null, null, null, null, null, null, null, null,
            null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);

    /** How the diagnosis was made (IARC/ENCR basis of diagnosis, 诊断依据), weakest to strongest. */
    public enum BasisOfDiagnosis {
        DEATH_CERTIFICATE_ONLY, CLINICAL, CLINICAL_INVESTIGATION, TUMOUR_MARKERS, CYTOLOGY, HISTOLOGY_METASTASIS,
        HISTOLOGY_PRIMARY, AUTOPSY, UNKNOWN
    }

    /** Whether a treatment is planned, under way or done. */
    public enum TreatmentStatus { PLANNED, ONGOING, COMPLETED }

    /** One treatment modality in its place in the sequence. */
    @Schema(name = "RegistryTreatment")
    public record Treatment(@NotNull Modality modality,
                            @NotNull @Min(1) @Max(12) Integer sequence,
                            @Size(max = 500) String detail,
                            @NotNull TreatmentStatus status) {
    }

    public List<Treatment> treatmentsOrEmpty() {
        return treatments == null ? List.of() : treatments;
    }
}
