package org.consilium.archive;

import java.time.LocalDate;

/**
 * A study's patient and context as the archive indexed them, for documents that other capabilities add to
 * the study (a consult opinion, a review report). Values are as sent; a date that was not a valid DA is null.
 *
 * @param patientName      PN as sent, alphabetic and ideographic groups joined by {@code =}, or null
 * @param issuerOfPatientId IssuerOfPatientID, or null when absent or empty
 * @param studyTime        StudyTime truncated to {@code HHMMSS}, or null
 */
public record StudyRecord(String studyUid, String patientId, String issuerOfPatientId, String patientName,
                          LocalDate birthDate, String sex, String studyId, String studyDate, String studyTime,
                          String accessionNumber, String referringPhysician) {
}
