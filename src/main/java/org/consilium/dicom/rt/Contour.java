package org.consilium.dicom.rt;

import java.util.List;

/**
 * One item of a Contour Sequence (PS3.3 C.8.8.6): points in patient coordinates (mm), stored x, y, z
 * triples, and the images the contour was drawn on (Contour Image Sequence, possibly empty).
 *
 * @param geometricType Contour Geometric Type: POINT, OPEN_PLANAR, OPEN_NONPLANAR or CLOSED_PLANAR
 * @param points        x0, y0, z0, x1, y1, z1, ... (not copied; treat as read-only)
 * @param images        the referenced images
 */
public record Contour(String geometricType, double[] points, List<SopRef> images) {

    public static final String CLOSED_PLANAR = "CLOSED_PLANAR";
    public static final String POINT = "POINT";

    public Contour {
        if (points.length % 3 != 0) {
            throw new IllegalArgumentException("contour data must hold x,y,z triples, got " + points.length);
        }
        images = List.copyOf(images);
    }

    public int pointCount() {
        return points.length / 3;
    }

    /** The z of the first point; for an axial CLOSED_PLANAR contour, the plane's z. */
    public double z() {
        return points.length == 0 ? Double.NaN : points[2];
    }

    /** Area enclosed by a closed axial contour (shoelace formula in x/y), in mm². */
    public double axialArea() {
        double twice = 0;
        int n = pointCount();
        for (int i = 0; i < n; i++) {
            int j = (i + 1) % n;
            twice += points[3 * i] * points[3 * j + 1] - points[3 * j] * points[3 * i + 1];
        }
        return Math.abs(twice) / 2;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Contour c && geometricType.equals(c.geometricType)
            && samePoints(points, c.points) && images.equals(c.images);
    }

    /** Numeric equality, so that a written "0" equals a read "-0.0". */
    private static boolean samePoints(double[] a, double[] b) {
        if (a.length != b.length) {
            return false;
        }
        for (int i = 0; i < a.length; i++) {
            if (a[i] != b[i]) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        return geometricType.hashCode() * 31 + points.length;
    }

    @Override
    public String toString() {
        return "Contour[" + geometricType + ", " + pointCount() + " points at z=" + z() + ", " + images.size()
            + " images]";
    }
}
