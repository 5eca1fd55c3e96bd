package org.consilium.dicom.rt;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.util.GeometryFixer;

/**
 * The polygon model of an ROI, independent of any voxel grid: on each plane the XOR of its closed contours
 * (a nested contour is a hole), as a JTS geometry; the volume is the sum of the plane areas times the slab
 * thickness each plane stands for. A self-intersecting contour is first made valid by JTS's
 * {@link GeometryFixer} (a figure eight becomes its two lobes).
 */
public final class RoiVolume {

    private static final GeometryFactory FACTORY = new GeometryFactory();

    private RoiVolume() {}

    /** Volume in cm³ with every plane standing for a slab of {@code sliceThickness} mm. */
    public static double cc(Roi roi, double sliceThickness) {
        double mm3 = 0;
        for (Geometry section : sections(roi).values()) {
            mm3 += section.getArea() * sliceThickness;
        }
        return mm3 / 1000;
    }

    /** The XOR of the closed contours of each plane, keyed by z rounded to 0.001 mm. */
    public static Map<Double, Geometry> sections(Roi roi) {
        Map<Double, List<Polygon>> byPlane = new TreeMap<>();
        for (Contour c : roi.contours()) {
            if (Contour.CLOSED_PLANAR.equals(c.geometricType()) && c.pointCount() >= 3) {
                byPlane.computeIfAbsent(planeKey(c.z()), k -> new ArrayList<>()).add(polygon(c));
            }
        }
        Map<Double, Geometry> out = new TreeMap<>();
        byPlane.forEach((z, polygons) -> {
            Geometry xor = FACTORY.createPolygon();
            for (Polygon p : polygons) {
                xor = xor.symDifference(GeometryFixer.fix(p));
            }
            out.put(z, xor);
        });
        return out;
    }

    /** The contour as an (unchecked) JTS polygon in x/y. */
    public static Polygon polygon(Contour c) {
        int n = c.pointCount();
        double[] p = c.points();
        Coordinate[] ring = new Coordinate[n + 1];
        for (int i = 0; i < n; i++) {
            ring[i] = new Coordinate(p[3 * i], p[3 * i + 1]);
        }
        ring[n] = ring[0];
        return FACTORY.createPolygon(ring);
    }

    static double planeKey(double z) {
        return Math.round(z * 1000) / 1000.0;
    }
}
