package org.consilium.radiotherapy.report;

import java.time.Instant;
import java.util.List;
import org.consilium.dicom.rt.ContourMetrics;
import org.consilium.radiotherapy.dose.DoseReview;
import org.consilium.radiotherapy.review.Decisions;
import org.consilium.radiotherapy.submission.SubmissionView;

/**
 * What the review summary of a plan says: the plan, the metrics between the county's structure set of the
 * current version ({@code fromRevision}) and the accepted or latest revision ({@code toRevision}), the DVH and
 * constraint results of that revision, the decision with its required changes, and the sign-offs.
 *
 * @param hospital the submitting hospital's name in the document's language
 */
public record ReviewSummary(SubmissionView plan, String hospital, int fromRevision, int toRevision,
                            List<ContourMetrics> metrics, DoseReview dose, Decisions.DecisionView decision,
                            Instant issued) {
}
