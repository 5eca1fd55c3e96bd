package org.consilium.registry.record;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The bodies of the registry record's routes. */
public final class RecordRequests {

    private RecordRequests() {
    }

    /** Opens a patient's record for a primary tumor; {@code icd10} may be left out when a report names the site. */
    @Schema(name = "RegistryRecordCreate", example = """
            {"patientId":"019a0000-0000-7000-8000-0000000000aa","icd10":"C34.1"}""")
    public record Create(@NotNull UUID patientId, @Size(max = 8) String icd10) {
    }

    /**
     * The case manager's completion of the fields (all of them, as the record should read); {@code reason} is
     * required to edit a confirmed record, which starts a new revision.
     */
    @Schema(name = "RegistryRecordCompletion", example = """
            {"content":{"attendingDoctor":"钱进","diagnosisDate":"2026-11-02","basisOfDiagnosis":"HISTOLOGY_PRIMARY",
             "icd10":"C34.1","topography":"C34.1","morphology":"8140/3","histology":"浸润性腺癌","grade":"G2",
             "tnmEdition":8,"t":"pT2a","n":"pN1","m":"cM0","stageGroup":"IIB","ecog":1,"intent":"CURATIVE",
             "treatments":[{"modality":"SURGERY","sequence":1,"detail":"胸腔镜右肺上叶切除","status":"COMPLETED"}],
             "treatmentPlan":"手术切除后辅助化疗"},
             "reason":null}""")
    public record Completion(@NotNull @Valid RecordContent content, @Size(max = 1000) String reason) {
    }
}
