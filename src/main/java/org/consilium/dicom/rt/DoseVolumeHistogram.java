package org.consilium.dicom.rt;

import java.util.Arrays;
import java.util.List;

/**
 * The dose-volume histogram of one ROI (docs/radiotherapy.md, "DVH"): the ROI is rasterised on the dose
 * grid's own pixel centres (even-odd rule, one slab of the structure set's slice spacing per contour plane,
 * as {@link RoiMask}), and each voxel takes the dose at its centre, interpolated linearly between dose
 * planes. Voxels outside the dose grid have no dose: they count in {@link #volume()} but not in the
 * histogram, and relative volumes are relative to {@link #volumeWithDose()}.
 *
 * <p>The voxel doses are kept sorted, so every statistic is exact for the voxel model, not read from bins.
 */
public final class DoseVolumeHistogram {

    private final float[] sorted;
    private final double voxelCc;
    private final int uncovered;

    private DoseVolumeHistogram(float[] sorted, double voxelCc, int uncovered) {
        this.sorted = sorted;
        this.voxelCc = voxelCc;
        this.uncovered = uncovered;
    }

    /**
     * The DVH of {@code roi} in {@code dose}.
     *
     * @param sliceThickness the slab each contour plane stands for (mm), normally the CT slice spacing
     * @throws IllegalArgumentException if the dose grid is not axial (Image Orientation 1\0\0\0\1\0)
     */
    public static DoseVolumeHistogram of(Roi roi, DoseGrid dose, double planeOrigin, double sliceThickness) {
        GridGeometry g = dose.geometry();
        double[] o = g.orientation();
        if (Math.abs(o[0] - 1) > 1e-6 || Math.abs(o[4] - 1) > 1e-6) {
            throw new IllegalArgumentException("dose grid is not axial: Image Orientation (Patient) " + Arrays.toString(o));
        }
        RasterGrid grid = RasterGrid.covering(List.of(roi), g.columnSpacing(), g.rowSpacing(), g.position()[0],
            g.position()[1], planeOrigin, sliceThickness);
        RoiMask mask = RoiMask.rasterise(roi, grid);
        int[] voxels = mask.indices();
        float[] doses = new float[voxels.length];
        int n = 0;
        int nx = grid.nx(), plane = grid.nx() * grid.ny();
        int k = -1;
        DoseGrid.Plane slice = null;
        for (int v : voxels) {
            if (v / plane != k) { // voxels ascend, so each plane's dose is interpolated once
                k = v / plane;
                slice = dose.axialPlane(grid.z(k));
            }
            double x = grid.x(v % nx), y = grid.y(v / nx % grid.ny());
            if (slice != null && slice.covers(x, y)) {
                doses[n++] = (float) slice.doseAt(x, y);
            }
        }
        float[] sorted = Arrays.copyOf(doses, n);
        Arrays.sort(sorted);
        return new DoseVolumeHistogram(sorted, grid.voxelVolume() / 1000, voxels.length - n);
    }

    /** Volume of the ROI's voxels in cm³, with dose or not. */
    public double volume() {
        return (sorted.length + uncovered) * voxelCc;
    }

    /** Volume of the voxels inside the dose grid, in cm³. */
    public double volumeWithDose() {
        return sorted.length * voxelCc;
    }

    /** Whether part of the ROI lies outside the dose grid. */
    public boolean partlyOutsideDoseGrid() {
        return uncovered > 0;
    }

    public boolean isEmpty() {
        return sorted.length == 0;
    }

    /** Mean dose over the voxels with dose (Gy), NaN when none. */
    public double mean() {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        double sum = 0;
        for (float d : sorted) {
            sum += d;
        }
        return sum / sorted.length;
    }

    public double min() {
        return sorted.length == 0 ? Double.NaN : sorted[0];
    }

    public double max() {
        return sorted.length == 0 ? Double.NaN : sorted[sorted.length - 1];
    }

    /**
     * Dx%: the lowest dose within the hottest {@code percent} of the volume with dose (the ceil(x% · n) hottest
     * voxels). D2% is a near-maximum, D98% a near-minimum.
     */
    public double doseAtPercent(double percent) {
        if (sorted.length == 0 || percent <= 0 || percent > 100) {
            return Double.NaN;
        }
        return hottest((int) Math.ceil(percent / 100 * sorted.length));
    }

    /** Dxcc: the lowest dose within the hottest {@code cc} cm³; NaN when the ROI has less volume with dose. */
    public double doseAtVolume(double cc) {
        if (sorted.length == 0 || cc <= 0 || cc > volumeWithDose() + 1e-9) {
            return Double.NaN;
        }
        return hottest((int) Math.ceil(cc / voxelCc - 1e-9));
    }

    private double hottest(int voxels) {
        return sorted[sorted.length - Math.max(1, Math.min(voxels, sorted.length))];
    }

    /** VxGy in cm³: the volume receiving at least {@code gy}. */
    public double volumeAtDose(double gy) {
        return countAtLeast(gy) * voxelCc;
    }

    /** VxGy in % of the volume with dose; NaN when none. */
    public double percentAtDose(double gy) {
        return sorted.length == 0 ? Double.NaN : 100.0 * countAtLeast(gy) / sorted.length;
    }

    private int countAtLeast(double gy) {
        int lo = 0, hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < gy) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return sorted.length - lo;
    }

    /**
     * The cumulative DVH: element i is the volume (cm³) receiving at least {@code i * binWidth} Gy, up to the
     * first bin above the maximum dose.
     */
    public double[] cumulative(double binWidth) {
        int bins = sorted.length == 0 ? 1 : (int) Math.floor(max() / binWidth) + 2;
        double[] out = new double[bins];
        for (int i = 0; i < bins; i++) {
            out[i] = volumeAtDose(i * binWidth);
        }
        return out;
    }

    /** The differential DVH: element i is the volume (cm³) with dose in [i·binWidth, (i+1)·binWidth). */
    public double[] differential(double binWidth) {
        double[] cumulative = cumulative(binWidth);
        double[] out = new double[cumulative.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = cumulative[i] - (i + 1 < cumulative.length ? cumulative[i + 1] : 0);
        }
        return out;
    }
}
