package org.consilium.dicom.rt;

import java.util.Arrays;

/**
 * A stack of parallel, equally sized image planes in patient coordinates (mm), as an RT Dose grid or a CT
 * series describes it: Image Position (Patient) of the first frame, Image Orientation (Patient), Pixel
 * Spacing and, per frame, the offset along the plane normal (Grid Frame Offset Vector, PS3.3 C.8.8.3.2).
 *
 * <p>Indices are (column, row, frame); column runs along the row direction cosines. Arrays are not copied;
 * treat them as read-only.
 *
 * @param columns       number of columns
 * @param rows          number of rows
 * @param position      x, y, z of the centre of the first voxel of the first frame
 * @param orientation   row direction cosines then column direction cosines (6 values)
 * @param rowSpacing    distance between the centres of adjacent rows (Pixel Spacing[0])
 * @param columnSpacing distance between the centres of adjacent columns (Pixel Spacing[1])
 * @param frameOffsets  offset of each frame along the normal; the first may be 0 (relative) or the first
 *                      frame's own coordinate (absolute): only differences to the first one are used
 */
public record GridGeometry(int columns, int rows, double[] position, double[] orientation,
                           double rowSpacing, double columnSpacing, double[] frameOffsets) {

    public GridGeometry {
        if (columns < 1 || rows < 1 || frameOffsets.length < 1) {
            throw new IllegalArgumentException("empty grid " + columns + "x" + rows + "x" + frameOffsets.length);
        }
        if (position.length != 3 || orientation.length != 6) {
            throw new IllegalArgumentException("position needs 3 values and orientation 6");
        }
        if (!(rowSpacing > 0) || !(columnSpacing > 0)) {
            throw new IllegalArgumentException("pixel spacing must be positive");
        }
        for (int k = 1; k < frameOffsets.length; k++) {
            if (!(frameOffsets[k] > frameOffsets[k - 1]) && !(frameOffsets[k] < frameOffsets[k - 1])) {
                throw new IllegalArgumentException("frame offsets must be strictly monotonic");
            }
        }
    }

    public int frames() {
        return frameOffsets.length;
    }

    /** Unit normal of the planes: row direction × column direction. */
    public double[] normal() {
        double[] o = orientation;
        return new double[] {
            o[1] * o[5] - o[2] * o[4],
            o[2] * o[3] - o[0] * o[5],
            o[0] * o[4] - o[1] * o[3]};
    }

    /** Patient coordinates of the centre of voxel (column, row, frame); column and row may be fractional. */
    public double[] patientPosition(double column, double row, int frame) {
        double[] o = orientation;
        double[] n = normal();
        double along = frameOffsets[frame] - frameOffsets[0];
        double[] p = new double[3];
        for (int a = 0; a < 3; a++) {
            p[a] = position[a] + o[a] * column * columnSpacing + o[3 + a] * row * rowSpacing + n[a] * along;
        }
        return p;
    }

    /**
     * Continuous (column, row, frame) index of a patient point; frame is interpolated between the offsets.
     * Any component may fall outside [0, size - 1]; the frame is NaN when the point is beyond the first or
     * last plane.
     */
    public double[] continuousIndex(double x, double y, double z) {
        double dx = x - position[0], dy = y - position[1], dz = z - position[2];
        double[] o = orientation;
        double[] n = normal();
        double column = (dx * o[0] + dy * o[1] + dz * o[2]) / columnSpacing;
        double row = (dx * o[3] + dy * o[4] + dz * o[5]) / rowSpacing;
        double along = dx * n[0] + dy * n[1] + dz * n[2];
        return new double[] {column, row, frameIndex(along)};
    }

    private double frameIndex(double along) {
        int last = frameOffsets.length - 1;
        double sign = last > 0 && frameOffsets[last] < frameOffsets[0] ? -1 : 1;
        double t = sign * along;
        if (last == 0) {
            return Math.abs(t) < 1e-6 ? 0 : Double.NaN;
        }
        int lo = 0, hi = last;
        if (t < 0 || t > sign * (frameOffsets[last] - frameOffsets[0])) {
            return Double.NaN;
        }
        while (hi - lo > 1) {
            int mid = (lo + hi) >>> 1;
            if (sign * (frameOffsets[mid] - frameOffsets[0]) <= t) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        double a = sign * (frameOffsets[lo] - frameOffsets[0]);
        double b = sign * (frameOffsets[hi] - frameOffsets[0]);
        return lo + (t - a) / (b - a);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof GridGeometry g && columns == g.columns && rows == g.rows
            && rowSpacing == g.rowSpacing && columnSpacing == g.columnSpacing
            && Arrays.equals(position, g.position) && Arrays.equals(orientation, g.orientation)
            && Arrays.equals(frameOffsets, g.frameOffsets);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(position) + Arrays.hashCode(frameOffsets) + columns * 7 + rows;
    }

    @Override
    public String toString() {
        return "GridGeometry[" + columns + "x" + rows + "x" + frames() + " at " + Arrays.toString(position)
            + ", spacing " + rowSpacing + "/" + columnSpacing + "]";
    }
}
