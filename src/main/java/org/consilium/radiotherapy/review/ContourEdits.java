package org.consilium.radiotherapy.review;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.consilium.dicom.dict.UID;
import org.consilium.dicom.rt.Contour;
import org.consilium.dicom.rt.Roi;
import org.consilium.dicom.rt.SopRef;
import org.consilium.dicom.rt.StructureSet;

/**
 * Turns a review room's {@code contour.edited} events (docs/live-protocol.md, "Contour edit") into a
 * structure set: the room's polygons replay add / replace / delete by polygon id, and <b>every plane of an
 * ROI that an edit touched is taken whole from the room</b>; untouched planes keep the base revision's
 * contours. So replacing a submitted contour is "add the new outline on its plane", and emptying a plane is
 * "add, then delete".
 */
final class ContourEdits {

    private ContourEdits() {
    }

    private record Polygon(int roi, double plane, String sopInstanceUid, double[] points) {
    }

    private record PlaneOfRoi(int roi, double plane) {
    }

    /** @param events bodies of the room's events, in seq order (other event types are skipped) */
    static StructureSet apply(StructureSet base, List<JsonNode> events) {
        Map<String, Polygon> polygons = new LinkedHashMap<>();
        Set<PlaneOfRoi> touched = new LinkedHashSet<>();
        for (JsonNode e : events) {
            if (!"contour.edited".equals(e.path("type").asText())) {
                continue;
            }
            JsonNode edit = e.path("data").path("edit");
            int roi = edit.path("roiNumber").asInt();
            String id = edit.path("polygonId").asText();
            String action = edit.path("action").asText();
            if (action.equals("delete")) {
                Polygon gone = polygons.remove(id);
                if (gone != null) {
                    touched.add(new PlaneOfRoi(gone.roi(), gone.plane()));
                }
                continue;
            }
            double[] points = points(edit.path("points"));
            JsonNode plane = edit.path("plane");
            double z = plane.has("z") ? plane.path("z").asDouble() : points.length > 2 ? points[2] : Double.NaN;
            String sop = plane.hasNonNull("sopInstanceUid") ? plane.path("sopInstanceUid").asText() : null;
            Polygon before = polygons.put(id, new Polygon(roi, key(z), sop, points));
            if (before != null) {
                touched.add(new PlaneOfRoi(before.roi(), before.plane()));
            }
            touched.add(new PlaneOfRoi(roi, key(z)));
        }
        List<Roi> rois = new ArrayList<>();
        for (Roi roi : base.rois()) {
            rois.add(edited(roi, polygons, touched));
        }
        return base.withRois(rois);
    }

    private static Roi edited(Roi roi, Map<String, Polygon> polygons, Set<PlaneOfRoi> touched) {
        if (touched.stream().noneMatch(t -> t.roi() == roi.number())) {
            return roi;
        }
        Map<Double, SopRef> imageOfPlane = new HashMap<>();
        List<Contour> kept = new ArrayList<>();
        for (Contour c : roi.contours()) {
            if (!c.images().isEmpty()) {
                imageOfPlane.putIfAbsent(key(c.z()), c.images().get(0));
            }
            if (!touched.contains(new PlaneOfRoi(roi.number(), key(c.z())))) {
                kept.add(c);
            }
        }
        for (Polygon p : polygons.values()) {
            if (p.roi() == roi.number()) {
                SopRef image = p.sopInstanceUid() != null ? new SopRef(UID.CTImageStorage, p.sopInstanceUid())
                        : imageOfPlane.get(p.plane());
                kept.add(new Contour(Contour.CLOSED_PLANAR, p.points(), image == null ? List.of() : List.of(image)));
            }
        }
        kept.sort((a, b) -> Double.compare(a.z(), b.z()));
        return roi.withContours(kept);
    }

    private static double[] points(JsonNode array) {
        double[] out = new double[array.size() * 3];
        for (int i = 0; i < array.size(); i++) {
            JsonNode p = array.get(i);
            for (int a = 0; a < 3; a++) {
                out[3 * i + a] = p.path(a).asDouble();
            }
        }
        return out;
    }

    private static double key(double z) {
        return Math.round(z * 1000) / 1000.0;
    }
}
