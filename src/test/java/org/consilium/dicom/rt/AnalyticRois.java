package org.consilium.dicom.rt;

import java.util.ArrayList;
import java.util.List;

/** ROIs of analytic shapes with closed-form volumes and distances, contoured every {@code dz} mm. */
final class AnalyticRois {

    private AnalyticRois() {}

    /** A sphere of radius r centred at (cx, cy, cz), one circle per plane z = cz + (k + 0.5) dz. */
    static Roi sphere(String name, double r, double cx, double cy, double cz, double dz) {
        List<Contour> contours = new ArrayList<>();
        for (double z = cz - r + dz / 2; z < cz + r; z += dz) {
            double rz = Math.sqrt(r * r - (z - cz) * (z - cz));
            contours.add(circle(cx, cy, z, rz));
        }
        return roi(name, contours);
    }

    /** An axis-aligned box [x0, x1] x [y0, y1], one square per plane z = z0 + (k + 0.5) dz up to z1. */
    static Roi box(String name, double x0, double x1, double y0, double y1, double z0, double z1, double dz) {
        List<Contour> contours = new ArrayList<>();
        for (double z = z0 + dz / 2; z < z1; z += dz) {
            contours.add(new Contour(Contour.CLOSED_PLANAR,
                new double[] {x0, y0, z, x1, y0, z, x1, y1, z, x0, y1, z}, List.of()));
        }
        return roi(name, contours);
    }

    /** A cylinder of radius outer along z with a coaxial hole of radius inner: two nested contours per plane. */
    static Roi ring(String name, double outer, double inner, double height, double dz) {
        List<Contour> contours = new ArrayList<>();
        for (double z = dz / 2; z < height; z += dz) {
            contours.add(circle(0, 0, z, outer));
            if (inner > 0) {
                contours.add(circle(0, 0, z, inner));
            }
        }
        return roi(name, contours);
    }

    static Contour circle(double cx, double cy, double z, double r) {
        int n = 720;
        double[] p = new double[3 * n];
        for (int i = 0; i < n; i++) {
            double t = 2 * Math.PI * i / n;
            p[3 * i] = cx + r * Math.cos(t);
            p[3 * i + 1] = cy + r * Math.sin(t);
            p[3 * i + 2] = z;
        }
        return new Contour(Contour.CLOSED_PLANAR, p, List.of());
    }

    static Roi roi(String name, List<Contour> contours) {
        return new Roi(1, name, new int[] {255, 0, 0}, "ORGAN", "MANUAL", contours);
    }

    static StructureSet set(Roi... rois) {
        return new StructureSet("TEST", "TEST", "", "1.2.3", null, List.of(rois));
    }
}
