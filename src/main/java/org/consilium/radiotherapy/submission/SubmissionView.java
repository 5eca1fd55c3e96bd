package org.consilium.radiotherapy.submission;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A plan submission as the API shows it. {@code version} is the row version (optimistic locking);
 * {@code submissionVersion} is 1 as submitted and counts resubmissions after returns; {@code sla} is the
 * review clock of the current version.
 */
public record SubmissionView(UUID id, UUID hospitalId, String studyInstanceUid, SubmissionState state,
                             String diseaseSite, Prescription prescription, String technique, String clinicalNotes,
                             String question, Short priority, String submittedBy, PlanObjectUids objects,
                             List<String> awaiting, List<Finding> findings, Instant createdAt, Instant updatedAt,
                             Instant objectsCompleteAt, long version, int submissionVersion, SlaClock sla) {

    /** The instances the review is about, once located. */
    public record PlanObjectUids(String ctSeriesUid, String rtstructUid, String rtplanUid, String rtdoseUid) {
    }
}
