package org.consilium.consult.document;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Everything the consult opinion document (会诊意见书) prints, already read and checked by the caller.
 * Codes (sex, urgency, intent, modality, organ function, surgical tolerance) are the workflow's own; known
 * codes are printed in the document's language (see {@link Vocabulary}), unknown ones as given. Free text
 * (summary, opinions, rationale) is printed as entered. Optional fields may be null, lists may be empty.
 *
 * @param requestingHospital the county hospital that asked (申请医院)
 * @param consultingHospital the hospital whose board answers (会诊医院)
 * @param documentNumber     a reference printed in the header, e.g. the consult id
 * @param issuedAt           when this version was issued (the chair finalised it)
 */
public record OpinionDocument(String requestingHospital, String consultingHospital, String documentNumber,
                              Patient patient, Consult consult, Evaluation evaluation, Recommendation recommendation,
                              List<Participant> participants, String chair, Version version,
                              List<FollowUp> followUps, Instant issuedAt) {

    public OpinionDocument {
        participants = participants == null ? List.of() : List.copyOf(participants);
        followUps = followUps == null ? List.of() : List.copyOf(followUps);
    }

    /** @param sex M, F or O (DICOM codes); age in years when the birth date is unknown */
    public record Patient(String name, String sex, LocalDate birthDate, Integer age, String localId) {}

    /** @param urgency ROUTINE, URGENT or GREEN_CHANNEL (绿色通道) */
    public record Consult(String question, String clinicalSummary, String urgency) {}

    /**
     * @param ecog              ECOG performance status 0–5
     * @param surgicalTolerance e.g. TOLERABLE, MARGINAL, INTOLERABLE
     */
    public record Evaluation(Integer ecog, OrganFunction organFunction, String surgicalTolerance, Tnm tnm) {}

    /** Each value a code such as NORMAL, MILD, MODERATE, SEVERE (impairment), or free text. */
    public record OrganFunction(String cardiac, String pulmonary, String hepatic, String renal) {}

    /** AJCC 8th edition categories as written, e.g. cT2a, cN1, cM0, stage group IIB. */
    public record Tnm(String t, String n, String m, String stageGroup) {}

    /** @param intent CURATIVE or PALLIATIVE */
    public record Recommendation(String intent, List<Modality> modalities, String rationale) {
        public Recommendation {
            modalities = modalities == null ? List.of() : List.copyOf(modalities);
        }
    }

    /**
     * One step of the plan; steps with the same sequence number run concurrently.
     *
     * @param modality SURGERY, RADIOTHERAPY, CHEMOTHERAPY, TARGETED, IMMUNOTHERAPY, TRIAL or BEST_SUPPORTIVE_CARE
     * @param detail   free text, e.g. "60 Gy / 30 fx"
     */
    public record Modality(int sequence, String modality, String detail) {}

    /** @param signedAt null while unsigned */
    public record Participant(String name, String discipline, String opinion, boolean dissent, Instant signedAt) {}

    /** @param amends the version this one replaces, or null for the first */
    public record Version(int number, Integer amends, String amendmentReason) {}

    public record FollowUp(String task, LocalDate due, String assignee) {}
}
