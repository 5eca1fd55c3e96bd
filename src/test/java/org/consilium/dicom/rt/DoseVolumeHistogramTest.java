package org.consilium.dicom.rt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The DVH on a dose grid with a closed-form dose: a linear ramp along x over a box. */
class DoseVolumeHistogramTest {

    /** 1 mm pixels, 21 x 21 x 21 from (-10, -10, 0); dose = x + 10 Gy (0 at x = -10, 20 at x = 10). */
    private static DoseGrid ramp() {
        int n = 21;
        double[] offsets = new double[n];
        float[] dose = new float[n * n * n];
        for (int k = 0; k < n; k++) {
            offsets[k] = k;
            for (int j = 0; j < n; j++) {
                for (int i = 0; i < n; i++) {
                    dose[(k * n + j) * n + i] = i;
                }
            }
        }
        GridGeometry g = new GridGeometry(n, n, new double[] {-10, -10, 0}, new double[] {1, 0, 0, 0, 1, 0}, 1, 1, offsets);
        return new DoseGrid(g, dose, "GY", "PHYSICAL", "PLAN");
    }

    @Test
    void statisticsOfARampOverABoxFollowTheRamp() {
        // box x in [-10, 10) -> voxel centres x = -10 .. 9, doses 0 .. 19, equally many of each
        Roi box = AnalyticRois.box("BOX", -10, 10, -5, 5, 0, 10, 1);
        DoseVolumeHistogram dvh = DoseVolumeHistogram.of(box, ramp(), 0.5, 1);
        assertEquals(2.0, dvh.volume(), 1e-9); // 20 x 10 x 10 voxels of 1 mm³
        assertEquals(9.5, dvh.mean(), 1e-6);
        assertEquals(0.0, dvh.min(), 1e-6);
        assertEquals(19.0, dvh.max(), 1e-6);
        assertEquals(10.0, dvh.doseAtPercent(50), 1e-6);
        assertEquals(18.0, dvh.doseAtPercent(10), 1e-6);
        assertEquals(50.0, dvh.percentAtDose(10), 1e-9);
        assertEquals(1.0, dvh.volumeAtDose(10), 1e-9);
        assertEquals(19.0, dvh.doseAtVolume(0.03), 1e-6);
        assertTrue(Double.isNaN(dvh.doseAtVolume(3)));
        double[] cumulative = dvh.cumulative(1);
        assertEquals(2.0, cumulative[0], 1e-9);
        assertEquals(0.0, cumulative[cumulative.length - 1], 1e-9);
        assertEquals(0.1, dvh.differential(1)[5], 1e-9);
    }

    @Test
    void partOfAnRoiOutsideTheDoseGridCountsInVolumeButNotInTheHistogram() {
        Roi box = AnalyticRois.box("BOX", -10, 10, -5, 5, 15, 25, 1); // planes 15.5 .. 24.5, grid ends at 20
        DoseVolumeHistogram dvh = DoseVolumeHistogram.of(box, ramp(), 0.5, 1);
        assertTrue(dvh.partlyOutsideDoseGrid());
        assertEquals(2.0, dvh.volume(), 1e-9);
        assertEquals(1.0, dvh.volumeWithDose(), 1e-9);
        assertEquals(50.0, dvh.percentAtDose(10), 1e-9);
    }

    @Test
    void parsesTheStatisticsConstraintsName() {
        assertEquals(new DvhStatistic(DvhStatistic.Kind.VOLUME_AT_DOSE, 20), DvhStatistic.parse("V20Gy"));
        assertEquals(new DvhStatistic(DvhStatistic.Kind.DOSE_AT_CC, 0.03), DvhStatistic.parse("D0.03cc"));
        assertEquals(new DvhStatistic(DvhStatistic.Kind.DOSE_AT_PERCENT, 95), DvhStatistic.parse("d95%"));
        assertEquals(DvhStatistic.Kind.MAX, DvhStatistic.parse("Dmax").kind());
        assertEquals("D0.03cc", DvhStatistic.parse("D0.03cc").toString());
        assertThrows(IllegalArgumentException.class, () -> DvhStatistic.parse("D120%"));
        assertThrows(IllegalArgumentException.class, () -> DvhStatistic.parse("V20%"));
    }
}
