package org.consilium.radiotherapy.dose;

import java.util.List;
import java.util.Locale;

import org.consilium.dicom.rt.DvhStatistic;

/**
 * One dose limit of a template, for example spinal cord {@code Dmax < 45 Gy} or lungs {@code V20Gy < 30 %}.
 *
 * @param roi        the ROI names this limit applies to, the first one preferred (matched trimmed, ignoring
 *                   case); the first that the structure set has is used
 * @param statistic  Dmean, Dmin, Dmax, Dx%, Dxcc or VxGy ({@link DvhStatistic})
 * @param comparator {@code <}, {@code <=}, {@code >} or {@code >=}
 * @param limit      the limit, in {@code unit}
 * @param unit       {@code Gy} or {@code %Rx} (of the prescription) for doses; {@code %} (of the ROI volume)
 *                   or {@code cc} for volumes
 * @param source     where the limit comes from (e.g. "QUANTEC, Marks 2010")
 */
public record DoseConstraint(List<String> roi, String statistic, String comparator, double limit, String unit,
                             String source) {

    public DoseConstraint {
        roi = List.copyOf(roi);
        if (roi.isEmpty()) {
            throw new IllegalArgumentException("a constraint names at least one ROI");
        }
        DvhStatistic parsed = DvhStatistic.parse(statistic);
        if (!List.of("<", "<=", ">", ">=").contains(comparator)) {
            throw new IllegalArgumentException("comparator must be <, <=, > or >=, not '" + comparator + "'");
        }
        List<String> units = parsed.isVolume() ? List.of("%", "cc") : List.of("Gy", "%Rx");
        if (!units.contains(unit)) {
            throw new IllegalArgumentException(statistic + " takes a limit in " + String.join(" or ", units)
                + ", not '" + unit + "'");
        }
        if (!Double.isFinite(limit) || limit < 0) {
            throw new IllegalArgumentException("limit must be a number >= 0");
        }
    }

    public DvhStatistic parsedStatistic() {
        return DvhStatistic.parse(statistic);
    }

    /** Whether {@code value} satisfies the limit (both in the same unit). */
    boolean holds(double value, double limitInUnit) {
        return switch (comparator) {
            case "<" -> value < limitInUnit;
            case "<=" -> value <= limitInUnit;
            case ">" -> value > limitInUnit;
            default -> value >= limitInUnit;
        };
    }

    /** How far the value is on the passing side of the limit (negative when failing). */
    double margin(double value, double limitInUnit) {
        return comparator.startsWith("<") ? limitInUnit - value : value - limitInUnit;
    }

    /** As a reader writes it: {@code SPINALCORD Dmax < 45 Gy}. */
    public String text() {
        String number = limit == Math.rint(limit) ? Long.toString((long) limit) : String.format(Locale.ROOT, "%s", limit);
        return roi.get(0) + " " + statistic + " " + comparator + " " + number + " " + unit;
    }
}
