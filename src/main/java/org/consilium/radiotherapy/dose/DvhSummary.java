package org.consilium.radiotherapy.dose;

import org.consilium.dicom.rt.DoseVolumeHistogram;

/**
 * The DVH numbers of one ROI (Gy, cm³, %), null where undefined, with the cumulative DVH in 0.1 Gy bins
 * (volume in cm³ receiving at least i × 0.1 Gy).
 */
public record DvhSummary(int roiNumber, String roiName, double volume, double volumeWithDose,
                         boolean partlyOutsideDoseGrid, Double dmean, Double dmin, Double dmax, Double d2, Double d50,
                         Double d95, Double d98, Double d003cc, Double v5GyPercent, Double v20GyPercent,
                         double binWidth, double[] cumulative) {

    static final double BIN = 0.1;

    public static DvhSummary of(int number, String name, DoseVolumeHistogram d) {
        return new DvhSummary(number, name, d.volume(), d.volumeWithDose(), d.partlyOutsideDoseGrid(), v(d.mean()),
                v(d.min()), v(d.max()), v(d.doseAtPercent(2)), v(d.doseAtPercent(50)), v(d.doseAtPercent(95)),
                v(d.doseAtPercent(98)), v(d.doseAtVolume(0.03)), v(d.percentAtDose(5)), v(d.percentAtDose(20)), BIN,
                d.cumulative(BIN));
    }

    private static Double v(double value) {
        return Double.isNaN(value) ? null : value;
    }
}
