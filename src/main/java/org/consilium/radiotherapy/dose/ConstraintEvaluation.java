package org.consilium.radiotherapy.dose;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.consilium.dicom.rt.DoseVolumeHistogram;
import org.consilium.dicom.rt.DvhStatistic;

/** Evaluates a constraint template on the DVHs of a plan's ROIs. */
public final class ConstraintEvaluation {

    private ConstraintEvaluation() {}

    /**
     * @param dvhs           DVH per ROI name as the structure set spells it
     * @param prescriptionGy the total prescribed dose, for limits in %Rx (may be null when none use it)
     */
    public static List<ConstraintResult> evaluate(ConstraintTemplate template, Map<String, DoseVolumeHistogram> dvhs,
                                                  Double prescriptionGy) {
        List<ConstraintResult> out = new ArrayList<>();
        for (DoseConstraint c : template.constraints()) {
            out.add(evaluate(c, dvhs, prescriptionGy));
        }
        return out;
    }

    static ConstraintResult evaluate(DoseConstraint c, Map<String, DoseVolumeHistogram> dvhs, Double prescriptionGy) {
        DvhStatistic statistic = c.parsedStatistic();
        boolean relativeDose = c.unit().equals("%Rx");
        String unit = relativeDose ? "Gy" : c.unit();
        if (relativeDose && (prescriptionGy == null || !(prescriptionGy > 0))) {
            return notEvaluable(c, null, c.limit(), unit, "no prescription to take " + c.limit() + " %Rx of");
        }
        double limit = relativeDose ? c.limit() / 100 * prescriptionGy : c.limit();
        String roi = match(c.roi(), dvhs);
        if (roi == null) {
            return notEvaluable(c, null, limit, unit, "no ROI named " + String.join(" / ", c.roi()));
        }
        DoseVolumeHistogram dvh = dvhs.get(roi);
        double value = statistic.valueIn(dvh, unit.equals("%"));
        if (Double.isNaN(value)) {
            String why = dvh.isEmpty() ? "ROI " + roi + " has no volume inside the dose grid"
                : statistic + " is beyond the volume of ROI " + roi + " inside the dose grid";
            return notEvaluable(c, roi, limit, unit, why);
        }
        boolean pass = c.holds(value, limit);
        String note = dvh.partlyOutsideDoseGrid() ? "part of ROI " + roi + " lies outside the dose grid" : null;
        return new ConstraintResult(c.text(), roi, value, limit, unit,
            pass ? ConstraintResult.Outcome.PASS : ConstraintResult.Outcome.FAIL, c.margin(value, limit), note);
    }

    private static ConstraintResult notEvaluable(DoseConstraint c, String roi, double limit, String unit, String why) {
        return new ConstraintResult(c.text(), roi, null, limit, unit, ConstraintResult.Outcome.NOT_EVALUABLE, null, why);
    }

    private static String match(List<String> names, Map<String, DoseVolumeHistogram> dvhs) {
        for (String wanted : names) {
            String key = wanted.trim().toUpperCase(Locale.ROOT);
            for (String actual : dvhs.keySet()) {
                if (actual.trim().toUpperCase(Locale.ROOT).equals(key)) {
                    return actual;
                }
            }
        }
        return null;
    }
}
