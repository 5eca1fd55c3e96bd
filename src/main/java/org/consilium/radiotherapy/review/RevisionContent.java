package org.consilium.radiotherapy.review;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.consilium.dicom.rt.Contour;
import org.consilium.dicom.rt.ReferencedSeries;
import org.consilium.dicom.rt.Roi;
import org.consilium.dicom.rt.SopRef;
import org.consilium.dicom.rt.StructureSet;

/**
 * A structure-set revision as JSON for a viewer, and as stored: per ROI its number, name, colour and
 * interpreted type, and per plane its polygons in patient coordinates (mm, {@code points} = x, y, z, …
 * as RTSTRUCT Contour Data), each with the images it was drawn on. Converts both ways with
 * {@link StructureSet} without loss.
 */
public record RevisionContent(String label, String name, String description, String frameOfReferenceUid,
                              Series referencedSeries, List<RoiPlanes> rois) {

    public record Series(String studyInstanceUid, String seriesInstanceUid, List<SopRef> images) {
    }

    public record RoiPlanes(int number, String name, int[] color, String interpretedType, String generationAlgorithm,
                            List<Plane> planes) {
    }

    /** One image plane of an ROI: its z, the image it lies on (of the first polygon), and its polygons. */
    public record Plane(double z, String sopInstanceUid, List<Polygon> polygons) {
    }

    public record Polygon(String geometricType, double[] points, List<SopRef> images) {
    }

    public static RevisionContent of(StructureSet s) {
        ReferencedSeries r = s.referencedSeries();
        Series series = r == null ? null : new Series(r.studyInstanceUid(), r.seriesInstanceUid(), r.images());
        List<RoiPlanes> rois = new ArrayList<>();
        for (Roi roi : s.rois()) {
            Map<Double, List<Contour>> byPlane = new LinkedHashMap<>();
            for (Contour c : roi.contours()) {
                byPlane.computeIfAbsent(c.z(), z -> new ArrayList<>()).add(c);
            }
            List<Plane> planes = new ArrayList<>();
            byPlane.forEach((z, contours) -> {
                List<Polygon> polygons = contours.stream()
                        .map(c -> new Polygon(c.geometricType(), c.points(), c.images())).toList();
                String sop = contours.get(0).images().isEmpty() ? null : contours.get(0).images().get(0).sopInstanceUid();
                planes.add(new Plane(z, sop, polygons));
            });
            planes.sort((a, b) -> Double.compare(a.z(), b.z()));
            rois.add(new RoiPlanes(roi.number(), roi.name(), roi.color(), roi.interpretedType(),
                    roi.generationAlgorithm(), planes));
        }
        return new RevisionContent(s.label(), s.name(), s.description(), s.frameOfReferenceUid(), series, rois);
    }

    public StructureSet toStructureSet() {
        ReferencedSeries r = referencedSeries == null ? null
                : new ReferencedSeries(referencedSeries.studyInstanceUid(), referencedSeries.seriesInstanceUid(),
                        referencedSeries.images());
        List<Roi> out = new ArrayList<>();
        for (RoiPlanes roi : rois) {
            List<Contour> contours = new ArrayList<>();
            for (Plane p : roi.planes()) {
                for (Polygon polygon : p.polygons()) {
                    contours.add(new Contour(polygon.geometricType(), polygon.points(), polygon.images()));
                }
            }
            out.add(new Roi(roi.number(), roi.name(), roi.color(), roi.interpretedType(), roi.generationAlgorithm(),
                    contours));
        }
        return new StructureSet(label, name, description, frameOfReferenceUid, r, out);
    }
}
