package org.consilium.radiotherapy.dose;

import java.util.List;

/**
 * The dose side of one revision: DVH per ROI and the disease site's constraint template evaluated on them.
 *
 * @param revision    the revision number
 * @param template    site and version of the template used, or null when the site has none
 * @param rois        DVH per ROI
 * @param constraints one result per constraint of the template
 */
public record DoseReview(int revision, String template, List<DvhSummary> rois, List<ConstraintResult> constraints) {
}
