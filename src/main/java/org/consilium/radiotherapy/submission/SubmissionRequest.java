package org.consilium.radiotherapy.submission;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What county radiotherapy staff send to ask for a plan review. */
public record SubmissionRequest(
        @Schema(example = "1.2.826.0.1.3680043.10.1453.99.1", description = "StudyInstanceUID of the planning study")
        @NotBlank @Size(max = 64) @Pattern(regexp = "[0-9]+(\\.[0-9]+)*", message = "must be a DICOM UID") String studyInstanceUid,
        @Schema(example = "lung", description = "disease site key of a constraint template: lung, lung-sbrt, head-neck, "
                + "nasopharynx, cervix, breast, rectum, oesophagus")
        @NotBlank @Pattern(regexp = "[a-z][a-z0-9-]{1,39}", message = "must be a site key such as lung-sbrt") String diseaseSite,
        @NotNull @Valid Prescription prescription,
        @Schema(example = "IMRT", description = "3DCRT, IMRT, VMAT, SBRT, TOMO or OTHER")
        @NotBlank @Pattern(regexp = "3DCRT|IMRT|VMAT|SBRT|TOMO|OTHER", message = "must be 3DCRT, IMRT, VMAT, SBRT, TOMO or OTHER")
        String technique,
        @Schema(example = "右肺上叶腺癌 cT2aN0M0，拒绝手术，根治性放疗") @Size(max = 4000) String clinicalNotes,
        @Schema(example = "请审核 PTV 外扩及脊髓勾画") @NotBlank @Size(max = 2000) String question) {
}
