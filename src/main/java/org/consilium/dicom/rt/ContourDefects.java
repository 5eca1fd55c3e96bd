package org.consilium.dicom.rt;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Checks every contour of a structure set against the geometry it must have for review: closed axial
 * polygons of at least 3 points that do not cross themselves, each on an image slice and naming only
 * images of the series. POINT contours (markers) are not outlines and are left alone.
 *
 * @param slicePositions the z of every image of the series (mm)
 * @param imageUids      the SOP Instance UIDs of the series
 * @param tolerance      how far (mm) a plane may be from a slice position and still be on it
 */
public record ContourDefects(double[] slicePositions, Set<String> imageUids, double tolerance) {

    public ContourDefects {
        slicePositions = slicePositions.clone();
        Arrays.sort(slicePositions);
        imageUids = Set.copyOf(imageUids);
    }

    public List<ContourDefect> find(StructureSet set) {
        List<ContourDefect> out = new ArrayList<>();
        for (Roi roi : set.rois()) {
            for (int i = 0; i < roi.contours().size(); i++) {
                check(roi, i, out);
            }
        }
        return out;
    }

    private void check(Roi roi, int index, List<ContourDefect> out) {
        Contour c = roi.contours().get(index);
        if (Contour.POINT.equals(c.geometricType())) {
            return;
        }
        double z = c.z();
        if (!Contour.CLOSED_PLANAR.equals(c.geometricType())) {
            out.add(new ContourDefect(ContourDefect.Kind.OPEN, roi, index, z,
                "Contour Geometric Type is '" + c.geometricType() + "', not CLOSED_PLANAR"));
            return;
        }
        if (c.pointCount() < 3) {
            out.add(new ContourDefect(ContourDefect.Kind.TOO_FEW_POINTS, roi, index, z,
                c.pointCount() + " point(s); a closed contour needs at least 3"));
            return;
        }
        double[] p = c.points();
        for (int i = 5; i < p.length; i += 3) {
            if (Math.abs(p[i] - z) > tolerance) {
                out.add(new ContourDefect(ContourDefect.Kind.NOT_PLANAR, roi, index, z,
                    String.format(Locale.ROOT, "point %d is at z = %.3f, the first at z = %.3f", i / 3, p[i], z)));
                return;
            }
        }
        if (!RoiVolume.polygon(c).isValid()) {
            out.add(new ContourDefect(ContourDefect.Kind.SELF_INTERSECTING, roi, index, z,
                "the outline crosses itself"));
        }
        if (slicePositions.length > 0 && distanceToSlice(z) > tolerance) {
            out.add(new ContourDefect(ContourDefect.Kind.OFF_SLICE, roi, index, z, String.format(Locale.ROOT,
                "plane z = %.3f mm is %.3f mm from the nearest image slice", z, distanceToSlice(z))));
        }
        for (SopRef image : c.images()) {
            if (!imageUids.contains(image.sopInstanceUid())) {
                out.add(new ContourDefect(ContourDefect.Kind.UNKNOWN_IMAGE, roi, index, z,
                    "Referenced SOP Instance UID " + image.sopInstanceUid() + " is not an image of the series"));
            }
        }
    }

    private double distanceToSlice(double z) {
        int i = Arrays.binarySearch(slicePositions, z);
        if (i >= 0) {
            return 0;
        }
        int after = -i - 1;
        double best = Double.POSITIVE_INFINITY;
        if (after < slicePositions.length) {
            best = slicePositions[after] - z;
        }
        if (after > 0) {
            best = Math.min(best, z - slicePositions[after - 1]);
        }
        return best;
    }
}
