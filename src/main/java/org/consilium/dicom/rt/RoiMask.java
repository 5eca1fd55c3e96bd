package org.consilium.dicom.rt;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;

/**
 * An ROI as voxels of a {@link RasterGrid}: a voxel belongs to the ROI when its centre lies inside the
 * contours of its plane by the even-odd rule, so that a contour nested inside another is a hole and one
 * nested inside that an island again (XOR, as PS3.3 C.8.8.6 intends for RTSTRUCT). Only CLOSED_PLANAR
 * contours count. A plane without contours is empty: nothing is interpolated between planes.
 */
public final class RoiMask {

    private final RasterGrid grid;
    private final BitSet voxels;

    private RoiMask(RasterGrid grid, BitSet voxels) {
        this.grid = grid;
        this.voxels = voxels;
    }

    public static RoiMask rasterise(Roi roi, RasterGrid grid) {
        List<List<double[]>> planes = new ArrayList<>(grid.nz());
        for (int k = 0; k < grid.nz(); k++) {
            planes.add(new ArrayList<>());
        }
        for (Contour c : roi.contours()) {
            int k = grid.plane(c.z());
            if (Contour.CLOSED_PLANAR.equals(c.geometricType()) && c.pointCount() >= 3 && k >= 0) {
                planes.get(k).add(c.points());
            }
        }
        BitSet voxels = new BitSet(grid.size());
        double[] crossings = new double[64];
        for (int k = 0; k < grid.nz(); k++) {
            if (planes.get(k).isEmpty()) {
                continue;
            }
            for (int j = 0; j < grid.ny(); j++) {
                crossings = fillRow(planes.get(k), grid, j, k, voxels, crossings);
            }
        }
        return new RoiMask(grid, voxels);
    }

    /** Scan line y_j: sort the x where contour edges cross it, fill voxel centres between pairs. */
    private static double[] fillRow(List<double[]> contours, RasterGrid grid, int j, int k, BitSet voxels,
                                    double[] crossings) {
        double y = grid.y(j);
        int n = 0;
        for (double[] p : contours) {
            int points = p.length / 3;
            for (int a = 0, b = points - 1; a < points; b = a++) {
                double ya = p[3 * a + 1], yb = p[3 * b + 1];
                if ((ya <= y) != (yb <= y)) { // half-open, so a vertex on the line is counted once
                    double xa = p[3 * a], xb = p[3 * b];
                    if (n == crossings.length) {
                        crossings = Arrays.copyOf(crossings, 2 * n);
                    }
                    crossings[n++] = xa + (y - ya) * (xb - xa) / (yb - ya);
                }
            }
        }
        Arrays.sort(crossings, 0, n);
        int row = grid.index(0, j, k);
        for (int c = 0; c + 1 < n; c += 2) {
            int from = Math.max(0, (int) Math.ceil((crossings[c] - grid.x0()) / grid.dx()));
            int to = Math.min(grid.nx() - 1, (int) Math.ceil((crossings[c + 1] - grid.x0()) / grid.dx()) - 1);
            if (from <= to) {
                voxels.set(row + from, row + to + 1);
            }
        }
        return crossings;
    }

    public RasterGrid grid() {
        return grid;
    }

    public boolean contains(int i, int j, int k) {
        return voxels.get(grid.index(i, j, k));
    }

    public int voxelCount() {
        return voxels.cardinality();
    }

    public boolean isEmpty() {
        return voxels.isEmpty();
    }

    /** The grid indices of the ROI's voxels, ascending. */
    public int[] indices() {
        return voxels.stream().toArray();
    }

    /** Voxels in both masks (same grid). */
    public int overlap(RoiMask other) {
        BitSet both = (BitSet) voxels.clone();
        both.and(other.voxels);
        return both.cardinality();
    }

    /** Volume of the voxels in cm³. */
    public double volumeCc() {
        return voxelCount() * grid.voxelVolume() / 1000;
    }

    /** Mean position of the voxel centres (mm), or null when empty. */
    public double[] centroid() {
        if (voxels.isEmpty()) {
            return null;
        }
        double sx = 0, sy = 0, sz = 0;
        int plane = grid.nx() * grid.ny();
        for (int v = voxels.nextSetBit(0); v >= 0; v = voxels.nextSetBit(v + 1)) {
            sx += grid.x(v % grid.nx());
            sy += grid.y(v / grid.nx() % grid.ny());
            sz += grid.z(v / plane);
        }
        int n = voxelCount();
        return new double[] {sx / n, sy / n, sz / n};
    }

    /**
     * The surface voxels: ROI voxels with at least one of their six face neighbours outside the ROI or off
     * the grid. Returned as grid indices, ascending.
     */
    public int[] surface() {
        int nx = grid.nx(), ny = grid.ny(), nz = grid.nz();
        int plane = nx * ny;
        int[] out = new int[voxelCount()];
        int n = 0;
        for (int v = voxels.nextSetBit(0); v >= 0; v = voxels.nextSetBit(v + 1)) {
            int i = v % nx, j = v / nx % ny, k = v / plane;
            boolean inner = i > 0 && i < nx - 1 && j > 0 && j < ny - 1 && k > 0 && k < nz - 1
                && voxels.get(v - 1) && voxels.get(v + 1) && voxels.get(v - nx) && voxels.get(v + nx)
                && voxels.get(v - plane) && voxels.get(v + plane);
            if (!inner) {
                out[n++] = v;
            }
        }
        return Arrays.copyOf(out, n);
    }
}
