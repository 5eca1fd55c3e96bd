package org.consilium.radiotherapy.dose;

/**
 * The outcome of one dose constraint on one plan.
 *
 * @param constraint the constraint as text, e.g. {@code SPINALCORD Dmax < 45 Gy}
 * @param roi        the ROI it was evaluated on, or null when none matched
 * @param value      the value in the constraint's unit, or null when not evaluable
 * @param limit      the limit in the same unit as value ({@code %Rx} converted to Gy)
 * @param unit       Gy, % or cc
 * @param outcome    PASS, FAIL or NOT_EVALUABLE
 * @param margin     how far on the passing side of the limit (negative: failing by that much), or null
 * @param note       why it is not evaluable, or a caveat (part of the ROI outside the dose grid)
 */
public record ConstraintResult(String constraint, String roi, Double value, double limit, String unit,
                               Outcome outcome, Double margin, String note) {

    public enum Outcome { PASS, FAIL, NOT_EVALUABLE }
}
