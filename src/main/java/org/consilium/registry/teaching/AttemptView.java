package org.consilium.registry.teaching;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.consilium.radiotherapy.review.ContourScoring;
import org.consilium.radiotherapy.review.RevisionContent;

/**
 * A submitted attempt: the score per target ROI against the expert (the review metrics), their means, and both
 * structure sets for the overlay.
 *
 * @param meanDice mean Dice over the case's targets (an ROI not drawn counts as 0)
 * @param meanHd95 mean HD95 in mm over the targets drawn, null when none was
 */
public record AttemptView(UUID id, UUID courseId, UUID caseId, String trainee, Instant submittedAt,
                          List<ContourScoring.RoiScore> scores, Double meanDice, Double meanHd95,
                          RevisionContent contours, RevisionContent expert) {
}
