package org.consilium.radiotherapy.dose;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The dose impact of a revision: the disease site's constraint template evaluated on the ROIs of one revision
 * (normally the county's) beside another (the expert's), on the same RTDOSE. The dose does not change, the
 * volumes do: a wider PTV may lose coverage, a re-delineated cord may now cross its limit.
 *
 * @param from        the revision compared against (the county's)
 * @param to          the revision whose impact is shown (the expert's)
 * @param template    site and version of the template, or null when the site has none
 * @param constraints each constraint on both revisions, in the template's order
 * @param rois        each ROI present in either revision, with its DVH numbers on both (null where absent);
 *                    the cumulative curves are in {@code GET …/revisions/{n}/dose}
 */
public record DoseImpact(int from, int to, String template, List<ConstraintChange> constraints, List<RoiChange> rois) {

    /** How a constraint's outcome moved from one revision to the other. */
    public enum Change { NOW_PASSES, NOW_FAILS, BETTER, WORSE, UNCHANGED, NOT_EVALUABLE }

    /**
     * @param marginChange the change of the margin (Gy, % or cc; positive: further on the passing side), null
     *                     when either side is not evaluable
     */
    public record ConstraintChange(String constraint, ConstraintResult before, ConstraintResult after, Change change,
                                   Double marginChange) {
    }

    public record RoiChange(int roiNumber, String roiName, Numbers before, Numbers after) {
    }

    /** The DVH numbers of one ROI on one revision (Gy, cm³, %). */
    public record Numbers(double volume, Double dmean, Double dmax, Double d95, Double v20GyPercent) {

        static Numbers of(DvhSummary d) {
            return d == null ? null : new Numbers(d.volume(), d.dmean(), d.dmax(), d.d95(), d.v20GyPercent());
        }
    }

    /** Both revisions' dose review, evaluated with the same template on the same dose. */
    public static DoseImpact of(DoseReview before, DoseReview after) {
        List<ConstraintChange> constraints = new ArrayList<>();
        for (int i = 0; i < after.constraints().size(); i++) {
            ConstraintResult b = i < before.constraints().size() ? before.constraints().get(i) : null;
            ConstraintResult a = after.constraints().get(i);
            constraints.add(change(b, a));
        }
        Map<Integer, DvhSummary[]> byRoi = new LinkedHashMap<>();
        before.rois().forEach(d -> byRoi.computeIfAbsent(d.roiNumber(), n -> new DvhSummary[2])[0] = d);
        after.rois().forEach(d -> byRoi.computeIfAbsent(d.roiNumber(), n -> new DvhSummary[2])[1] = d);
        List<RoiChange> rois = new ArrayList<>();
        byRoi.forEach((number, pair) -> rois.add(new RoiChange(number, (pair[1] != null ? pair[1] : pair[0]).roiName(),
                Numbers.of(pair[0]), Numbers.of(pair[1]))));
        return new DoseImpact(before.revision(), after.revision(), after.template(), constraints, rois);
    }

    static ConstraintChange change(ConstraintResult before, ConstraintResult after) {
        if (before == null || before.margin() == null || after.margin() == null) {
            return new ConstraintChange(after.constraint(), before, after, Change.NOT_EVALUABLE, null);
        }
        boolean passedBefore = before.outcome() == ConstraintResult.Outcome.PASS;
        boolean passesNow = after.outcome() == ConstraintResult.Outcome.PASS;
        double delta = after.margin() - before.margin();
        Change change = passedBefore && !passesNow ? Change.NOW_FAILS
                : !passedBefore && passesNow ? Change.NOW_PASSES
                : Math.abs(delta) < 1e-9 ? Change.UNCHANGED
                : delta > 0 ? Change.BETTER : Change.WORSE;
        return new ConstraintChange(after.constraint(), before, after, change, delta);
    }
}
