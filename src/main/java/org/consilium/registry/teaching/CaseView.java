package org.consilium.registry.teaching;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A teaching case as the library shows it: never the expert contours themselves (GET …/expert-contours, after
 * a trainee's attempt), never what it was made from.
 *
 * @param studyUid        the de-identified study (images only), readable over DICOMweb by teachers and trainees
 * @param ctSeriesUid     the series to contour on
 * @param targetRois      the ROIs a trainee contours
 * @param expertContours  whether the case has expert contours to score against
 */
public record CaseView(UUID id, String source, String title, String site, String stage, CaseSummary summary,
                       String studyUid, String ctSeriesUid, List<String> targetRois, boolean expertContours,
                       String createdBy, Instant createdAt) {
}
