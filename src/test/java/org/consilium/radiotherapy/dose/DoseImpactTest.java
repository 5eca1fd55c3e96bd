package org.consilium.radiotherapy.dose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.consilium.radiotherapy.dose.ConstraintResult.Outcome;
import org.consilium.radiotherapy.dose.DoseImpact.Change;
import org.junit.jupiter.api.Test;

class DoseImpactTest {

    private static ConstraintResult result(String constraint, Double value, double limit, Outcome outcome, Double margin) {
        return new ConstraintResult(constraint, "SPINALCORD", value, limit, "Gy", outcome, margin, null);
    }

    private static DoseReview review(int revision, List<ConstraintResult> constraints, List<DvhSummary> rois) {
        return new DoseReview(revision, "lung v1", rois, constraints);
    }

    private static DvhSummary roi(int number, String name, double volume) {
        return new DvhSummary(number, name, volume, volume, false, 10.0, 1.0, 40.0, 39.0, 9.0, 2.0, 1.0, 39.5, 60.0,
                20.0, 0.1, new double[] {volume});
    }

    @Test
    void aConstraintThatCrossesItsLimitIsNamedByTheWayItMoved() {
        assertEquals(Change.NOW_FAILS, DoseImpact.change(result("c", 44.0, 45, Outcome.PASS, 1.0),
                result("c", 46.0, 45, Outcome.FAIL, -1.0)).change());
        assertEquals(Change.NOW_PASSES, DoseImpact.change(result("c", 46.0, 45, Outcome.FAIL, -1.0),
                result("c", 44.0, 45, Outcome.PASS, 1.0)).change());
        DoseImpact.ConstraintChange worse = DoseImpact.change(result("c", 38.0, 45, Outcome.PASS, 7.0),
                result("c", 41.5, 45, Outcome.PASS, 3.5));
        assertEquals(Change.WORSE, worse.change());
        assertEquals(-3.5, worse.marginChange(), 1e-12);
        assertEquals(Change.BETTER, DoseImpact.change(result("c", 41.5, 45, Outcome.PASS, 3.5),
                result("c", 38.0, 45, Outcome.PASS, 7.0)).change());
        assertEquals(Change.UNCHANGED, DoseImpact.change(result("c", 38.0, 45, Outcome.PASS, 7.0),
                result("c", 38.0, 45, Outcome.PASS, 7.0)).change());
    }

    @Test
    void aConstraintNotEvaluableOnEitherRevisionHasNoMarginChange() {
        DoseImpact.ConstraintChange c = DoseImpact.change(result("c", null, 30, Outcome.NOT_EVALUABLE, null),
                result("c", 25.0, 30, Outcome.PASS, 5.0));
        assertEquals(Change.NOT_EVALUABLE, c.change());
        assertNull(c.marginChange());
    }

    @Test
    void anRoiPresentInOnlyOneRevisionIsListedWithNothingOnTheOtherSide() {
        DoseImpact impact = DoseImpact.of(review(1, List.of(), List.of(roi(1, "PTV", 100), roi(2, "CORD", 20))),
                review(2, List.of(), List.of(roi(1, "PTV", 110), roi(3, "HEART", 500))));
        assertEquals(List.of(1, 2, 3), impact.rois().stream().map(DoseImpact.RoiChange::roiNumber).toList());
        assertEquals(100, impact.rois().get(0).before().volume());
        assertEquals(110, impact.rois().get(0).after().volume());
        assertNull(impact.rois().get(1).after());
        assertNull(impact.rois().get(2).before());
        assertEquals("HEART", impact.rois().get(2).roiName());
        assertEquals(1, impact.from());
        assertEquals(2, impact.to());
    }
}
