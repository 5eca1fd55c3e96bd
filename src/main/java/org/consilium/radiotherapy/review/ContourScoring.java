package org.consilium.radiotherapy.review;

import java.util.List;
import org.consilium.dicom.rt.ContourMetrics;
import org.consilium.dicom.rt.StructureSetComparison;

/**
 * The review metrics (docs/review-metrics.md) of contours drawn by someone against a reference, for callers
 * outside radiotherapy (the registry's teaching cases score a trainee against the expert with them): the same
 * {@link StructureSetComparison} the review room's comparison uses, at its default grid (1 mm, surface Dice at
 * 2 mm), the reference as A and the drawing as B.
 */
public final class ContourScoring {

    /**
     * One ROI's score.
     *
     * @param presence            BOTH, ONLY_REFERENCE (not drawn) or ONLY_DRAWN
     * @param referenceVolume     cm³
     * @param drawnVolume         cm³
     * @param dice                2|A∩B| / (|A| + |B|) over voxels, null when not drawn
     * @param hausdorff95         95th percentile of the pooled surface distances, mm
     * @param meanSurfaceDistance mean of the pooled surface distances, mm
     */
    public record RoiScore(String roiName, String presence, double referenceVolume, double drawnVolume, Double dice,
                           Double hausdorff95, Double meanSurfaceDistance) {
    }

    private ContourScoring() {
    }

    /** Per ROI of the reference (then any ROI only drawn), in the reference's order. */
    public static List<RoiScore> score(RevisionContent reference, RevisionContent drawn) {
        return StructureSetComparison.DEFAULT.compare(reference.toStructureSet(), drawn.toStructureSet()).stream()
                .map(ContourScoring::of).toList();
    }

    private static RoiScore of(ContourMetrics m) {
        String presence = switch (m.presence()) {
            case BOTH -> "BOTH";
            case ONLY_A -> "ONLY_REFERENCE";
            case ONLY_B -> "ONLY_DRAWN";
        };
        return new RoiScore(m.roiName(), presence, m.volumeA(), m.volumeB(), m.dice(), m.hausdorff95(),
                m.meanSurfaceDistance());
    }
}
