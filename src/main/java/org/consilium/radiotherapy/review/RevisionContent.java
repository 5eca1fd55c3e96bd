package org.consilium.radiotherapy.review;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
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

    private static final Pattern TARGET_NAME = Pattern.compile("^(PTV|CTV|GTV|ITV).*", Pattern.CASE_INSENSITIVE);

    /**
     * The same contours with every UID (Frame of Reference, referenced study, series and images) replaced through
     * {@code replaced}, e.g. onto a de-identified copy of the study. A UID the map does not hold is dropped, never
     * kept: the result must not name the original study. Standard UIDs (SOP classes) stay.
     */
    public RevisionContent withUidsReplaced(Map<String, String> replaced) {
        Series series = referencedSeries == null ? null : new Series(replaced.get(referencedSeries.studyInstanceUid()),
                replaced.get(referencedSeries.seriesInstanceUid()), images(referencedSeries.images(), replaced));
        List<RoiPlanes> out = rois.stream().map(r -> new RoiPlanes(r.number(), r.name(), r.color(), r.interpretedType(),
                r.generationAlgorithm(), r.planes().stream().map(p -> new Plane(p.z(),
                        p.sopInstanceUid() == null ? null : replaced.get(p.sopInstanceUid()),
                        p.polygons().stream().map(g -> new Polygon(g.geometricType(), g.points(),
                                images(g.images(), replaced))).toList())).toList())).toList();
        return new RevisionContent(label, name, null, replaced.get(frameOfReferenceUid), series, out);
    }

    /** Only the ROIs of these names (as they appear), in this content's order. */
    public RevisionContent only(Collection<String> roiNames) {
        return new RevisionContent(label, name, description, frameOfReferenceUid, referencedSeries,
                rois.stream().filter(r -> roiNames.contains(r.name())).toList());
    }

    /**
     * The same frame, series and ROI numbers, colours and types, with the polygons of {@code drawn} (ROIs matched
     * by name; planes without an image get the one of the plane of the same z here, when there is one).
     */
    public RevisionContent drawnOver(List<RoiPlanes> drawn) {
        Map<String, RoiPlanes> mine = new LinkedHashMap<>();
        rois.forEach(r -> mine.put(r.name(), r));
        List<RoiPlanes> out = new ArrayList<>();
        for (RoiPlanes d : drawn) {
            RoiPlanes base = mine.get(d.name());
            if (base == null) {
                continue;
            }
            List<Plane> planes = d.planes().stream().map(p -> new Plane(p.z(), p.sopInstanceUid(),
                    p.polygons().stream().map(g -> new Polygon(Contour.CLOSED_PLANAR, g.points(),
                            p.sopInstanceUid() == null ? List.of() : List.of(new SopRef(imageClass(), p.sopInstanceUid()))))
                            .toList())).toList();
            out.add(new RoiPlanes(base.number(), base.name(), base.color(), base.interpretedType(), "MANUAL", planes));
        }
        return new RevisionContent(label, name, description, frameOfReferenceUid, referencedSeries, out);
    }

    /** The targets' names: RT ROI Interpreted Type PTV, CTV, GTV or ITV, or, without a type, such a name. */
    public List<String> targetNames() {
        return rois.stream().filter(r -> r.interpretedType() == null || r.interpretedType().isBlank()
                        ? TARGET_NAME.matcher(r.name()).matches()
                        : List.of("PTV", "CTV", "GTV", "ITV").contains(r.interpretedType().strip().toUpperCase()))
                .map(RoiPlanes::name).toList();
    }

    /** The SOP class of the images the contours were drawn on (that of the series' first image, else CT). */
    private String imageClass() {
        return referencedSeries != null && !referencedSeries.images().isEmpty()
                ? referencedSeries.images().get(0).sopClassUid() : "1.2.840.10008.5.1.4.1.1.2";
    }

    private static List<SopRef> images(List<SopRef> images, Map<String, String> replaced) {
        return images == null ? List.of() : images.stream()
                .map(i -> new SopRef(i.sopClassUid(), replaced.get(i.sopInstanceUid())))
                .filter(i -> Objects.nonNull(i.sopInstanceUid())).toList();
    }
}
