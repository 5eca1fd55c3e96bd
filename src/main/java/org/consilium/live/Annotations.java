package org.consilium.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Validates annotations and contour edits and derives their measurements, so that every client shows the
 * same length, angle and area. Image coordinates are pixels (column x, row y) on the frame of the SOP
 * instance; patient coordinates (mm, DICOM patient system, PS3.3 C.7.6.2) are optional.
 */
@ApplicationScoped
public class Annotations {

    static final Pattern UID = Pattern.compile("[0-9]+(\\.[0-9]+)*");
    static final int MAX_POINTS = 10_000;
    private static final Map<String, int[]> POINTS = Map.of( // kind -> {min, max} image points
            "point", new int[] {1, 1}, "arrow", new int[] {2, 2}, "line", new int[] {2, 2},
            "angle", new int[] {3, 3}, "ellipse", new int[] {2, 2}, "polygon", new int[] {3, MAX_POINTS},
            "text", new int[] {1, 1});
    private static final Set<String> STATS = Set.of("mean", "stdDev", "min", "max", "pixelCount", "areaMm2");

    @Inject
    ObjectMapper json;

    /** A clean copy of the client's annotation with id and measurement; throws {@code invalid} otherwise. */
    ObjectNode annotation(JsonNode in, UUID id) {
        if (!in.isObject()) {
            throw invalid("annotation must be an object");
        }
        String kind = in.path("kind").asText("");
        int[] range = POINTS.get(kind);
        if (range == null) {
            throw invalid("annotation.kind must be one of " + POINTS.keySet());
        }
        ObjectNode out = json.createObjectNode();
        out.put("id", id.toString());
        out.put("kind", kind);
        out.set("ref", ref(in.path("ref")));
        ArrayNode points = points(in.path("points"), 2, range[0], range[1], "annotation.points");
        out.set("points", points);
        if (in.has("patientPoints")) {
            ArrayNode pp = points(in.path("patientPoints"), 3, points.size(), points.size(), "annotation.patientPoints");
            out.set("patientPoints", pp);
        }
        if (kind.equals("text") || in.has("text")) {
            out.put("text", text(in.path("text"), 1000, "annotation.text", kind.equals("text")));
        }
        if (in.has("label")) {
            out.put("label", text(in.path("label"), 200, "annotation.label", false));
        }
        if (in.has("stats")) {
            if (!kind.equals("ellipse") && !kind.equals("polygon")) {
                throw invalid("annotation.stats belong to an ellipse or polygon ROI");
            }
            out.set("stats", stats(in.path("stats")));
        }
        out.set("measurement", measure(kind, points, out.path("ref").path("pixelSpacing")));
        return out;
    }

    /** A clean contour edit: add, replace or delete polygon of ROI n on an image plane. */
    ObjectNode contourEdit(JsonNode in) {
        if (!in.isObject()) {
            throw invalid("edit must be an object");
        }
        String action = in.path("action").asText("");
        if (!Set.of("add", "replace", "delete").contains(action)) {
            throw invalid("edit.action must be add, replace or delete");
        }
        JsonNode roi = in.path("roiNumber");
        if (!roi.canConvertToInt() || !roi.isIntegralNumber() || roi.asInt() < 1 || roi.asInt() > 999_999) {
            throw invalid("edit.roiNumber must be an integer from 1");
        }
        ObjectNode out = json.createObjectNode();
        out.put("action", action);
        out.put("roiNumber", roi.asInt());
        UUID polygon;
        if (action.equals("add")) {
            polygon = in.has("polygonId") ? uuid(in.path("polygonId"), "edit.polygonId") : UUID.randomUUID();
        } else {
            polygon = uuid(in.path("polygonId"), "edit.polygonId");
        }
        out.put("polygonId", polygon.toString());
        if (!action.equals("delete")) {
            JsonNode plane = in.path("plane");
            ObjectNode p = json.createObjectNode();
            if (plane.hasNonNull("sopInstanceUid")) {
                p.put("sopInstanceUid", uid(plane.path("sopInstanceUid"), "edit.plane.sopInstanceUid"));
            }
            if (plane.has("z")) {
                p.put("z", number(plane.path("z"), "edit.plane.z"));
            }
            if (p.isEmpty()) {
                throw invalid("edit.plane needs sopInstanceUid and/or z (mm)");
            }
            out.set("plane", p);
            out.set("points", points(in.path("points"), 3, 3, MAX_POINTS, "edit.points"));
        }
        return out;
    }

    /** The plane key under which a contour polygon is stored. */
    static String planeKey(JsonNode plane) {
        return plane.has("sopInstanceUid") ? plane.path("sopInstanceUid").asText() : "z=" + plane.path("z").asDouble();
    }

    String text(JsonNode node, int max, String field, boolean required) {
        if (!node.isTextual() || node.asText().isBlank()) {
            if (!required && node.isMissingNode()) {
                return null;
            }
            throw invalid(field + " must be non-blank text");
        }
        if (node.asText().length() > max) {
            throw invalid(field + " is longer than " + max + " characters");
        }
        return node.asText();
    }

    static UUID uuid(JsonNode node, String field) {
        try {
            return UUID.fromString(node.asText(""));
        } catch (IllegalArgumentException e) {
            throw invalid(field + " must be a UUID");
        }
    }

    static LiveError invalid(String message) {
        return new LiveError("invalid", message);
    }

    private ObjectNode ref(JsonNode in) {
        if (!in.isObject()) {
            throw invalid("annotation.ref must name sopInstanceUid and frame");
        }
        ObjectNode ref = json.createObjectNode();
        for (String key : new String[] {"studyUid", "seriesUid"}) {
            if (in.hasNonNull(key)) {
                ref.put(key, uid(in.path(key), "annotation.ref." + key));
            }
        }
        ref.put("sopInstanceUid", uid(in.path("sopInstanceUid"), "annotation.ref.sopInstanceUid"));
        JsonNode frame = in.path("frame");
        if (frame.isMissingNode()) {
            ref.put("frame", 1);
        } else if (frame.isIntegralNumber() && frame.asInt() >= 1) {
            ref.put("frame", frame.asInt());
        } else {
            throw invalid("annotation.ref.frame must be an integer from 1 (PS3.3 frame numbers start at 1)");
        }
        if (in.has("pixelSpacing")) {
            ArrayNode ps = points(json.createArrayNode().add(in.path("pixelSpacing")), 2, 1, 1, "annotation.ref.pixelSpacing");
            if (ps.get(0).get(0).asDouble() <= 0 || ps.get(0).get(1).asDouble() <= 0) {
                throw invalid("annotation.ref.pixelSpacing must be positive (row, column mm)");
            }
            ref.set("pixelSpacing", ps.get(0));
        }
        return ref;
    }

    private static String uid(JsonNode node, String field) {
        String s = node.asText("");
        if (!node.isTextual() || s.length() > 64 || !UID.matcher(s).matches()) {
            throw invalid(field + " must be a DICOM UID (digits and dots, at most 64)");
        }
        return s;
    }

    private ArrayNode points(JsonNode in, int dims, int min, int max, String field) {
        if (!in.isArray() || in.size() < min || in.size() > max) {
            throw invalid(field + " must be an array of " + (min == max ? min : min + " to " + max) + " points");
        }
        ArrayNode out = json.createArrayNode();
        for (JsonNode p : in) {
            if (!p.isArray() || p.size() != dims) {
                throw invalid(field + ": each point has " + dims + " numbers");
            }
            ArrayNode q = out.addArray();
            for (JsonNode v : p) {
                q.add(number(v, field));
            }
        }
        return out;
    }

    private static double number(JsonNode v, String field) {
        if (!v.isNumber() || !Double.isFinite(v.asDouble()) || Math.abs(v.asDouble()) > 1e7) {
            throw invalid(field + " must hold finite numbers");
        }
        return v.asDouble();
    }

    private ObjectNode stats(JsonNode in) {
        if (!in.isObject()) {
            throw invalid("annotation.stats must be an object");
        }
        ObjectNode out = json.createObjectNode();
        in.fieldNames().forEachRemaining(k -> {
            if (!STATS.contains(k)) {
                throw invalid("annotation.stats: unknown field " + k + "; allowed " + STATS);
            }
            out.put(k, number(in.path(k), "annotation.stats." + k));
        });
        return out;
    }

    /** Length (line, arrow), angle (angle), area (ellipse, polygon): in mm when pixel spacing is known. */
    private ObjectNode measure(String kind, ArrayNode pts, JsonNode spacing) {
        double sy = spacing.isArray() ? spacing.get(0).asDouble() : 1; // PS3.3 C.7.6.2: row spacing first
        double sx = spacing.isArray() ? spacing.get(1).asDouble() : 1;
        String unit = spacing.isArray() ? "mm" : "px";
        ObjectNode m = json.createObjectNode();
        switch (kind) {
            case "line", "arrow" -> {
                m.put("length", Math.hypot(dx(pts, 0, 1) * sx, dy(pts, 0, 1) * sy));
                m.put("unit", unit);
            }
            case "angle" -> {
                double a1 = Math.atan2(dy(pts, 1, 0) * sy, dx(pts, 1, 0) * sx);
                double a2 = Math.atan2(dy(pts, 1, 2) * sy, dx(pts, 1, 2) * sx);
                double deg = Math.abs(Math.toDegrees(a1 - a2));
                m.put("degrees", deg > 180 ? 360 - deg : deg);
            }
            case "ellipse" -> {
                m.put("area", Math.PI * Math.abs(dx(pts, 0, 1) * sx / 2) * Math.abs(dy(pts, 0, 1) * sy / 2));
                m.put("unit", unit + "²");
            }
            case "polygon" -> {
                double twice = 0;
                for (int i = 0; i < pts.size(); i++) {
                    JsonNode a = pts.get(i);
                    JsonNode b = pts.get((i + 1) % pts.size());
                    twice += a.get(0).asDouble() * sx * b.get(1).asDouble() * sy
                            - b.get(0).asDouble() * sx * a.get(1).asDouble() * sy;
                }
                m.put("area", Math.abs(twice) / 2); // shoelace
                m.put("unit", unit + "²");
            }
            default -> {
                // point and text have no measurement
            }
        }
        return m;
    }

    private static double dx(ArrayNode p, int from, int to) {
        return p.get(to).get(0).asDouble() - p.get(from).get(0).asDouble();
    }

    private static double dy(ArrayNode p, int from, int to) {
        return p.get(to).get(1).asDouble() - p.get(from).get(1).asDouble();
    }
}
