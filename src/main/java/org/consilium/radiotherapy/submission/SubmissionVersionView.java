package org.consilium.radiotherapy.submission;

import java.time.Instant;
import java.util.List;

/**
 * One version of a submission: version 1 as submitted, each later one a resubmission after a return, with
 * the county's answers to that return's required changes and the objects it was reviewed on.
 *
 * @param queuedAt when the version's objects were complete and consistent (entered the review queue)
 */
public record SubmissionVersionView(int version, String studyInstanceUid, String submittedBy, Instant submittedAt,
                                    String note, List<ResubmissionRequest.Answer> answers,
                                    SubmissionView.PlanObjectUids objects, Instant queuedAt) {
}
