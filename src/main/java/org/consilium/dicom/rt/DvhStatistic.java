package org.consilium.dicom.rt;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One number read from a {@link DoseVolumeHistogram}, named as dose constraints name it: {@code Dmean},
 * {@code Dmin}, {@code Dmax}, {@code D95%} (dose to the hottest 95% of the volume), {@code D0.03cc} (dose to
 * the hottest 0.03 cm³), {@code V20Gy} (volume receiving at least 20 Gy, in % or cm³).
 *
 * @param kind      what is read
 * @param parameter the x of Dx%, Dxcc or VxGy (0 for the others)
 */
public record DvhStatistic(Kind kind, double parameter) {

    public enum Kind { MEAN, MIN, MAX, DOSE_AT_PERCENT, DOSE_AT_CC, VOLUME_AT_DOSE }

    private static final Pattern FORM = Pattern.compile("(?i)(D|V)\\s*([0-9]+(?:\\.[0-9]+)?)\\s*(%|cc|gy)");

    /** Parses {@code Dmean}, {@code Dmin}, {@code Dmax}, {@code Dx%}, {@code Dxcc}, {@code VxGy} (any case). */
    public static DvhStatistic parse(String text) {
        String t = text == null ? "" : text.trim();
        switch (t.toLowerCase(Locale.ROOT)) {
            case "dmean" -> { return new DvhStatistic(Kind.MEAN, 0); }
            case "dmin" -> { return new DvhStatistic(Kind.MIN, 0); }
            case "dmax" -> { return new DvhStatistic(Kind.MAX, 0); }
            default -> { }
        }
        Matcher m = FORM.matcher(t);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a DVH statistic: '" + text
                + "' (Dmean, Dmin, Dmax, Dx%, Dxcc or VxGy)");
        }
        boolean dose = m.group(1).equalsIgnoreCase("D");
        String unit = m.group(3).toLowerCase(Locale.ROOT);
        double x = Double.parseDouble(m.group(2));
        if (dose && unit.equals("%") && x > 0 && x <= 100) {
            return new DvhStatistic(Kind.DOSE_AT_PERCENT, x);
        }
        if (dose && unit.equals("cc") && x > 0) {
            return new DvhStatistic(Kind.DOSE_AT_CC, x);
        }
        if (!dose && unit.equals("gy")) {
            return new DvhStatistic(Kind.VOLUME_AT_DOSE, x);
        }
        throw new IllegalArgumentException("not a DVH statistic: '" + text + "' (Dmean, Dmin, Dmax, Dx%, Dxcc or VxGy)");
    }

    /** Whether the statistic is a volume (VxGy) rather than a dose. */
    public boolean isVolume() {
        return kind == Kind.VOLUME_AT_DOSE;
    }

    /**
     * The value: a dose in Gy, or for VxGy a volume in % of the volume with dose ({@code percent}) or in cm³.
     * NaN when the DVH cannot give it (no voxel with dose, or Dxcc beyond the volume).
     */
    public double valueIn(DoseVolumeHistogram dvh, boolean percent) {
        return switch (kind) {
            case MEAN -> dvh.mean();
            case MIN -> dvh.min();
            case MAX -> dvh.max();
            case DOSE_AT_PERCENT -> dvh.doseAtPercent(parameter);
            case DOSE_AT_CC -> dvh.doseAtVolume(parameter);
            case VOLUME_AT_DOSE -> dvh.isEmpty() ? Double.NaN
                : percent ? dvh.percentAtDose(parameter) : dvh.volumeAtDose(parameter);
        };
    }

    @Override
    public String toString() {
        return switch (kind) {
            case MEAN -> "Dmean";
            case MIN -> "Dmin";
            case MAX -> "Dmax";
            case DOSE_AT_PERCENT -> "D" + number(parameter) + "%";
            case DOSE_AT_CC -> "D" + number(parameter) + "cc";
            case VOLUME_AT_DOSE -> "V" + number(parameter) + "Gy";
        };
    }

    private static String number(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
