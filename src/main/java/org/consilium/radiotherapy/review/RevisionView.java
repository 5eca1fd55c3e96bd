package org.consilium.radiotherapy.review;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A revision's lineage entry (without its contours), with the submission version it belongs to. */
public record RevisionView(UUID id, int number, Integer parentNumber, String kind, String author, Instant createdAt,
                           String reason, List<ChangedRoi> changedRois, int submissionVersion) {

    /** An ROI a revision changed against its parent. */
    public record ChangedRoi(int number, String name) {
    }
}
