package org.consilium.archive;

import java.util.UUID;

/**
 * Fired (synchronously, after the index transaction committed) when the first instance of a study is
 * stored. Other capabilities observe it, for example to attach a study that arrives after the consult
 * that asked for it. Observers must be idempotent: two first instances arriving at once may both fire it.
 *
 * @param hospitalId      the hospital that owns the study
 * @param studyUid        StudyInstanceUID
 * @param patientId       PatientID as sent (may be empty)
 * @param issuer          IssuerOfPatientID as sent (may be empty)
 * @param accessionNumber AccessionNumber, or null
 */
public record StudyArrived(UUID hospitalId, String studyUid, String patientId, String issuer, String accessionNumber) {
}
