package org.consilium.dicom.rt;

/**
 * An RT Dose grid with its values already scaled (Dose Grid Scaling applied), in the Dose Units of the
 * object (normally GY). Values are stored frame by frame, row by row: {@code dose[(frame * rows + row) *
 * columns + column]}. The array is not copied; treat it as read-only.
 */
public record DoseGrid(GridGeometry geometry, float[] dose, String units, String type, String summationType) {

    public DoseGrid {
        int expected = geometry.columns() * geometry.rows() * geometry.frames();
        if (dose.length != expected) {
            throw new IllegalArgumentException("dose has " + dose.length + " values, grid needs " + expected);
        }
    }

    /** The value at voxel (column, row, frame). */
    public float valueAt(int column, int row, int frame) {
        return dose[(frame * geometry.rows() + row) * geometry.columns() + column];
    }

    /** One frame as a new array, row by row. */
    public float[] frame(int frame) {
        int n = geometry.rows() * geometry.columns();
        float[] out = new float[n];
        System.arraycopy(dose, frame * n, out, 0, n);
        return out;
    }

    /** The largest value in the grid. */
    public float max() {
        float m = Float.NEGATIVE_INFINITY;
        for (float v : dose) {
            m = Math.max(m, v);
        }
        return m;
    }

    /**
     * Dose at a patient point by trilinear interpolation between the eight surrounding voxel centres. Points
     * outside the grid (beyond the outermost voxel centres) get 0, as a planning system reports no dose there.
     */
    public double doseAt(double x, double y, double z) {
        double[] idx = geometry.continuousIndex(x, y, z);
        int cols = geometry.columns(), rows = geometry.rows(), frames = geometry.frames();
        if (!inside(idx[0], cols) || !inside(idx[1], rows) || !inside(idx[2], frames)) {
            return 0;
        }
        int i0 = floorIn(idx[0], cols), j0 = floorIn(idx[1], rows), k0 = floorIn(idx[2], frames);
        double fx = idx[0] - i0, fy = idx[1] - j0, fz = idx[2] - k0;
        int i1 = Math.min(i0 + 1, cols - 1), j1 = Math.min(j0 + 1, rows - 1), k1 = Math.min(k0 + 1, frames - 1);
        double c00 = lerp(valueAt(i0, j0, k0), valueAt(i1, j0, k0), fx);
        double c10 = lerp(valueAt(i0, j1, k0), valueAt(i1, j1, k0), fx);
        double c01 = lerp(valueAt(i0, j0, k1), valueAt(i1, j0, k1), fx);
        double c11 = lerp(valueAt(i0, j1, k1), valueAt(i1, j1, k1), fx);
        return lerp(lerp(c00, c10, fy), lerp(c01, c11, fy), fz);
    }

    /**
     * The dose on the plane z = {@code z} of an axial grid (Image Orientation 1\0\0\0\1\0), interpolated
     * linearly between the two frames around it: {@link Plane#doseAt} then gives exactly {@link #doseAt} at that
     * height without locating the frame again for every point. Null when z lies outside the grid's frames.
     */
    public Plane axialPlane(double z) {
        GridGeometry g = geometry;
        double[] position = g.position();
        double frame = g.continuousIndex(position[0], position[1], z)[2];
        if (!inside(frame, g.frames())) {
            return null;
        }
        int k0 = floorIn(frame, g.frames()), k1 = Math.min(k0 + 1, g.frames() - 1);
        double fz = frame - k0;
        int n = g.rows() * g.columns();
        double[] values = new double[n];
        for (int v = 0, a = k0 * n, b = k1 * n; v < n; v++) {
            values[v] = lerp(dose[a + v], dose[b + v], fz);
        }
        return new Plane(values);
    }

    /** One axial plane of the grid's dose (see {@link #axialPlane}). */
    public final class Plane {

        private final double[] values;

        private Plane(double[] values) {
            this.values = values;
        }

        /** Whether (x, y) lies between the outermost voxel centres in-plane. */
        public boolean covers(double x, double y) {
            return inside(column(x), geometry.columns()) && inside(row(y), geometry.rows());
        }

        /** The dose at (x, y), bilinear between voxel centres; 0 outside (as {@link DoseGrid#doseAt}). */
        public double doseAt(double x, double y) {
            double ci = column(x), ri = row(y);
            int cols = geometry.columns(), rows = geometry.rows();
            if (!inside(ci, cols) || !inside(ri, rows)) {
                return 0;
            }
            int i0 = floorIn(ci, cols), j0 = floorIn(ri, rows);
            int i1 = Math.min(i0 + 1, cols - 1), j1 = Math.min(j0 + 1, rows - 1);
            double fx = ci - i0, fy = ri - j0;
            double c0 = lerp(values[j0 * cols + i0], values[j0 * cols + i1], fx);
            double c1 = lerp(values[j1 * cols + i0], values[j1 * cols + i1], fx);
            return lerp(c0, c1, fy);
        }

        private double column(double x) {
            return (x - geometry.position()[0]) / geometry.columnSpacing();
        }

        private double row(double y) {
            return (y - geometry.position()[1]) / geometry.rowSpacing();
        }
    }

    /** Whether the point lies within the grid (between its outermost voxel centres), where doseAt interpolates. */
    public boolean covers(double x, double y, double z) {
        double[] idx = geometry.continuousIndex(x, y, z);
        return inside(idx[0], geometry.columns()) && inside(idx[1], geometry.rows())
            && inside(idx[2], geometry.frames());
    }

    private static final double EDGE = 1e-9;

    private static boolean inside(double index, int size) {
        return !Double.isNaN(index) && index >= -EDGE && index <= size - 1 + EDGE;
    }

    private static int floorIn(double index, int size) {
        return Math.max(0, Math.min(size - 1, (int) Math.floor(index)));
    }

    private static double lerp(double a, double b, double t) {
        return a + (b - a) * t;
    }
}
