package org.consilium.dicom.rt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Review metrics on analytic shapes against their closed-form values (docs/review-metrics.md). */
class StructureSetComparisonTest {

    private static final StructureSetComparison FINE = new StructureSetComparison(0.5, 2);

    private static ContourMetrics only(StructureSet a, StructureSet b) {
        List<ContourMetrics> all = FINE.compare(a, b);
        assertEquals(1, all.size());
        return all.get(0);
    }

    @Test
    void identicalBoxesAgreeCompletely() {
        Roi box = AnalyticRois.box("BOX", -10, 10, -10, 10, 0, 20, 1);
        ContourMetrics m = only(AnalyticRois.set(box), AnalyticRois.set(box));
        assertEquals(8.0, m.volumeA(), 1e-9);
        assertEquals(1.0, m.dice(), 1e-12);
        assertEquals(1.0, m.jaccard(), 1e-12);
        assertEquals(0.0, m.hausdorff(), 1e-12);
        assertEquals(0.0, m.meanSurfaceDistance(), 1e-12);
        assertEquals(1.0, m.surfaceDice(), 1e-12);
        assertArrayEquals(new double[] {0, 0, 0}, m.centroidShift(), 1e-9);
    }

    @Test
    void boxShiftedFourMillimetresAlongXOverlapsFourFifths() {
        Roi a = AnalyticRois.box("BOX", -10, 10, -10, 10, 0, 20, 1);
        Roi b = AnalyticRois.box("BOX", -6, 14, -10, 10, 0, 20, 1);
        ContourMetrics m = only(AnalyticRois.set(a), AnalyticRois.set(b));
        assertEquals(0.8, m.dice(), 1e-12);
        assertEquals(16.0 / 24, m.jaccard(), 1e-12);
        assertEquals(4.0, m.hausdorff(), 1e-9);
        assertEquals(0.0, m.volumeDifference(), 1e-9);
        assertArrayEquals(new double[] {4, 0, 0}, m.centroidShift(), 1e-9);
    }

    @Test
    void concentricSpheresDifferByTheirShell() {
        Roi inner = AnalyticRois.sphere("S", 10, 0, 0, 0, 1);
        Roi outer = AnalyticRois.sphere("S", 12, 0, 0, 0, 1);
        ContourMetrics m = only(AnalyticRois.set(inner), AnalyticRois.set(outer));
        double v10 = 4.0 / 3 * Math.PI * 1000, v12 = 4.0 / 3 * Math.PI * 1728;
        assertEquals(v10 / 1000, m.volumeA(), 0.01 * v10 / 1000);
        assertEquals(v12 / 1000, m.volumeB(), 0.01 * v12 / 1000);
        assertEquals(100 * (1728 - 1000) / 1000.0, m.volumeDifferencePercent(), 2);
        assertEquals(2 * v10 / (v10 + v12), m.dice(), 0.01);
        assertEquals(v10 / v12, m.jaccard(), 0.01);
        assertEquals(2.0, m.hausdorff(), 1.0);
        assertEquals(2.0, m.meanSurfaceDistance(), 0.5);
        assertArrayEquals(new double[] {0, 0, 0}, m.centroidShift(), 0.05);
    }

    @Test
    void offsetSpheresOverlapByTheirLens() {
        double r = 10, d = 5;
        Roi a = AnalyticRois.sphere("S", r, 0, 0, 0, 1);
        Roi b = AnalyticRois.sphere("S", r, d, 0, 0, 1);
        ContourMetrics m = only(AnalyticRois.set(a), AnalyticRois.set(b));
        double sphere = 4.0 / 3 * Math.PI * r * r * r;
        double lens = Math.PI * (4 * r + d) * (2 * r - d) * (2 * r - d) / 12;
        assertEquals(lens / sphere, m.dice(), 0.01);
        assertEquals(lens / (2 * sphere - lens), m.jaccard(), 0.01);
        assertEquals(d, m.hausdorff(), 1.0);
        assertArrayEquals(new double[] {d, 0, 0}, m.centroidShift(), 0.05);
        assertEquals(0.0, m.volumeDifference(), 0.01);
    }

    @Test
    void nestedContourIsAHoleAndCountsAgainstTheFilledDisk() {
        Roi ring = AnalyticRois.ring("R", 20, 10, 20, 1);
        Roi disk = AnalyticRois.ring("R", 20, 0, 20, 1);
        ContourMetrics m = only(AnalyticRois.set(ring), AnalyticRois.set(disk));
        assertEquals(Math.PI * 300 * 20 / 1000, m.volumeA(), 0.001 * m.volumeA());
        assertEquals(Math.PI * 400 * 20 / 1000, m.volumeB(), 0.001 * m.volumeB());
        assertEquals(2 * 300.0 / 700, m.dice(), 0.01);
        assertEquals(0.75, m.jaccard(), 0.01);
        assertEquals(10.0, m.hausdorff(), 1.0);
    }

    @Test
    void roiMissingInOneStructureSetHasVolumesButNoOverlapMetrics() {
        Roi box = AnalyticRois.box("BOX", -10, 10, -10, 10, 0, 20, 1);
        Roi other = AnalyticRois.box("CORD", 30, 36, -3, 3, 0, 20, 1);
        List<ContourMetrics> all = FINE.compare(AnalyticRois.set(box), AnalyticRois.set(box, other));
        ContourMetrics cord = all.get(1);
        assertEquals(ContourMetrics.Presence.ONLY_B, cord.presence());
        assertEquals(0.0, cord.volumeA());
        assertEquals(0.72, cord.volumeB(), 1e-9);
        assertNull(cord.dice());
        assertNull(cord.hausdorff());
        assertNull(cord.volumeDifferencePercent());
    }

    @Test
    void surfaceDiceCountsTheSurfaceWithinTolerance() {
        Roi a = AnalyticRois.box("BOX", -10, 10, -10, 10, 0, 20, 1);
        Roi b = AnalyticRois.box("BOX", -6, 14, -10, 10, 0, 20, 1);
        ContourMetrics loose = new StructureSetComparison(0.5, 4).compare(AnalyticRois.set(a), AnalyticRois.set(b)).get(0);
        ContourMetrics tight = FINE.compare(AnalyticRois.set(a), AnalyticRois.set(b)).get(0);
        assertEquals(1.0, loose.surfaceDice(), 1e-12);
        assertEquals(true, tight.surfaceDice() < 1.0 && tight.surfaceDice() > 0.5, "surface Dice " + tight.surfaceDice());
    }
}
