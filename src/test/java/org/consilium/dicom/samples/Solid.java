package org.consilium.dicom.samples;

/**
 * An analytic phantom shape whose axial cross-sections are ellipses, so that its contours on any slice are
 * exact up to the polygon's sampling. Coordinates are patient coordinates (LPS, mm).
 */
sealed interface Solid {

    /** The cross-section at height z, or null where the solid does not reach. */
    Ellipse section(double z);

    default boolean contains(double x, double y, double z) {
        Ellipse e = section(z);
        return e != null && e.contains(x, y);
    }

    /** An axis-aligned ellipse in an axial plane. */
    record Ellipse(double cx, double cy, double a, double b) {

        boolean contains(double x, double y) {
            double u = (x - cx) / a, v = (y - cy) / b;
            return u * u + v * v <= 1;
        }

        /** Polygon vertices x0, y0, x1, y1, ... about one every {@code step} mm, counter-clockwise. */
        double[] polygon(double step) {
            double perimeter = Math.PI * (3 * (a + b) - Math.sqrt((3 * a + b) * (a + 3 * b)));
            int n = (int) Math.max(16, Math.min(360, Math.ceil(perimeter / step)));
            double[] xy = new double[2 * n];
            for (int i = 0; i < n; i++) {
                double t = 2 * Math.PI * i / n;
                xy[2 * i] = cx + a * Math.cos(t);
                xy[2 * i + 1] = cy + b * Math.sin(t);
            }
            return xy;
        }
    }

    /** An axis-aligned ellipsoid. */
    record Ellipsoid(double cx, double cy, double cz, double ax, double ay, double az) implements Solid {

        @Override
        public Ellipse section(double z) {
            double w = (z - cz) / az;
            double s = 1 - w * w;
            if (s <= 0) {
                return null;
            }
            double r = Math.sqrt(s);
            return new Ellipse(cx, cy, ax * r, ay * r);
        }

        /** The same ellipsoid grown by {@code margin} mm on every semi-axis. */
        Ellipsoid grown(double margin) {
            return new Ellipsoid(cx, cy, cz, ax + margin, ay + margin, az + margin);
        }
    }

    /** An elliptic cylinder along z between zMin and zMax. */
    record EllipticCylinder(double cx, double cy, double a, double b, double zMin, double zMax) implements Solid {

        @Override
        public Ellipse section(double z) {
            return z < zMin || z > zMax ? null : new Ellipse(cx, cy, a, b);
        }
    }
}
