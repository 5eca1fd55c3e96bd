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
