package org.consilium.radiotherapy.submission;

import java.time.Instant;
import java.util.UUID;

/**
 * An approved plan as another capability needs it (the tumor registry's radiotherapy course): the prescription and
 * technique the reviewers approved, and when.
 */
public record ApprovedCourse(UUID submissionId, UUID hospitalId, String studyUid, String diseaseSite,
                             double totalDoseGy, int fractions, String technique, Instant approvedAt) {
}
