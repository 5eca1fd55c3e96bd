package org.consilium.dicom.rt;

import java.util.Arrays;

/**
 * Exact Euclidean distance (mm) from every voxel centre of a {@link RasterGrid} to the nearest of a set of
 * seed voxel centres, with the grid's own spacing on each axis. Separable: one pass of the lower envelope of
 * parabolas per axis (Felzenszwalb and Huttenlocher, "Distance Transforms of Sampled Functions", 2012), so
 * the cost is linear in the number of voxels.
 */
public final class DistanceMap {

    private final RasterGrid grid;
    private final double[] squared;

    private DistanceMap(RasterGrid grid, double[] squared) {
        this.grid = grid;
        this.squared = squared;
    }

    /** Distances to the nearest of {@code seeds} (grid indices). With no seeds every distance is infinite. */
    public static DistanceMap to(RasterGrid grid, int[] seeds) {
        double[] f = new double[grid.size()];
        Arrays.fill(f, Double.POSITIVE_INFINITY);
        for (int s : seeds) {
            f[s] = 0;
        }
        int nx = grid.nx(), ny = grid.ny(), nz = grid.nz();
        Envelope x = new Envelope(nx), y = new Envelope(ny), z = new Envelope(nz);
        for (int k = 0; k < nz; k++) {
            for (int j = 0; j < ny; j++) {
                x.pass(f, grid.index(0, j, k), 1, nx, grid.dx());
            }
        }
        for (int k = 0; k < nz; k++) {
            for (int i = 0; i < nx; i++) {
                y.pass(f, grid.index(i, 0, k), nx, ny, grid.dy());
            }
        }
        for (int j = 0; j < ny; j++) {
            for (int i = 0; i < nx; i++) {
                z.pass(f, grid.index(i, j, 0), nx * ny, nz, grid.dz());
            }
        }
        return new DistanceMap(grid, f);
    }

    /** Distance in mm from voxel {@code index} to the nearest seed. */
    public double at(int index) {
        return Math.sqrt(squared[index]);
    }

    public RasterGrid grid() {
        return grid;
    }

    /** Work arrays of one axis, reused along every line of that axis. */
    private static final class Envelope {
        private final double[] line;
        private final int[] apex;
        private final double[] bounds;

        Envelope(int n) {
            line = new double[n];
            apex = new int[n];
            bounds = new double[n + 1];
        }

        /** In place along one line: f[p] = min over q of f[q] + (spacing * (p - q))². */
        void pass(double[] f, int start, int stride, int n, double spacing) {
            int hull = -1;
            for (int q = 0; q < n; q++) {
                double fq = f[start + q * stride];
                line[q] = fq;
                if (fq == Double.POSITIVE_INFINITY) {
                    continue;
                }
                double s = Double.NEGATIVE_INFINITY;
                while (hull >= 0) {
                    int r = apex[hull];
                    s = ((fq + sq(q * spacing)) - (line[r] + sq(r * spacing))) / (2 * spacing * (q - r));
                    if (s > bounds[hull]) {
                        break;
                    }
                    hull--;
                }
                hull++;
                apex[hull] = q;
                bounds[hull] = hull == 0 ? Double.NEGATIVE_INFINITY : s;
                bounds[hull + 1] = Double.POSITIVE_INFINITY;
            }
            if (hull < 0) {
                return;
            }
            int h = 0;
            for (int p = 0; p < n; p++) {
                double x = p * spacing;
                while (bounds[h + 1] < x) {
                    h++;
                }
                int r = apex[h];
                f[start + p * stride] = line[r] + sq((p - r) * spacing);
            }
        }

        private static double sq(double v) {
            return v * v;
        }
    }
}
