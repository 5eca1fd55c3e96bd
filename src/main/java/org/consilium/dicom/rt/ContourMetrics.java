package org.consilium.dicom.rt;

/**
 * The review metrics of one ROI between two structure sets A (reference) and B (compared), as defined in
 * docs/review-metrics.md. Values that are undefined for this pair (an ROI missing or empty on one side) are
 * null.
 *
 * @param roiName                 the ROI name (as in A, else as in B)
 * @param presence                where the ROI exists
 * @param volumeA                 polygon volume of A in cm³ (0 when absent)
 * @param volumeB                 polygon volume of B in cm³ (0 when absent)
 * @param volumeDifference        B − A in cm³
 * @param volumeDifferencePercent (B − A) / A in %, null when A is empty
 * @param dice                    2|A∩B| / (|A| + |B|) over voxels
 * @param jaccard                 |A∩B| / |A∪B| over voxels
 * @param hausdorff               largest surface distance in either direction, mm
 * @param hausdorff95             95th percentile of the surface distances of both directions pooled, mm
 * @param meanSurfaceDistance     mean of the surface distances of both directions pooled, mm
 * @param surfaceDice             share of both surfaces within {@code surfaceTolerance} of the other
 * @param surfaceTolerance        the tolerance of the surface Dice, mm
 * @param centroidShift           centroid of B minus centroid of A (x, y, z in mm, patient coordinates)
 */
public record ContourMetrics(String roiName, Presence presence, double volumeA, double volumeB,
                             double volumeDifference, Double volumeDifferencePercent, Double dice, Double jaccard,
                             Double hausdorff, Double hausdorff95, Double meanSurfaceDistance, Double surfaceDice,
                             double surfaceTolerance, double[] centroidShift) {

    /** Where an ROI (matched by name) exists. */
    public enum Presence { BOTH, ONLY_A, ONLY_B }

    /** Length of the centroid shift in mm, or null. */
    public Double centroidDistance() {
        return centroidShift == null ? null
            : Math.sqrt(centroidShift[0] * centroidShift[0] + centroidShift[1] * centroidShift[1]
                + centroidShift[2] * centroidShift[2]);
    }
}
