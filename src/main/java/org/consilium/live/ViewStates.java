package org.consilium.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Checks the cursors and viewports clients send (docs/live-protocol.md) and returns clean copies with only
 * the known fields; anything malformed is refused with {@code invalid}.
 */
@ApplicationScoped
public class ViewStates {

    @Inject
    ObjectMapper json;

    /** A cursor: image coordinates, and optionally the instance, frame and the client's clock. */
    ObjectNode cursor(JsonNode msg) {
        ObjectNode c = json.createObjectNode();
        c.put("x", finite(msg.path("x"), "x"));
        c.put("y", finite(msg.path("y"), "y"));
        if (msg.hasNonNull("sopInstanceUid")) {
            c.put("sopInstanceUid", uidText(msg.path("sopInstanceUid")));
        }
        if (msg.path("frame").isIntegralNumber()) {
            c.put("frame", msg.path("frame").asInt());
        }
        if (msg.path("t").isNumber()) {
            c.put("t", msg.path("t").asLong()); // the client's own clock, echoed for latency measurement
        }
        return c;
    }

    /** Study, series, instance, slice, window/level, zoom, pan and rotation; unknown fields are dropped. */
    ObjectNode viewport(JsonNode in) {
        if (!in.isObject()) {
            throw new LiveError("invalid", "viewport must be an object");
        }
        ObjectNode v = json.createObjectNode();
        for (String uid : new String[] {"studyUid", "seriesUid", "sopInstanceUid"}) {
            if (in.hasNonNull(uid)) {
                v.put(uid, uidText(in.path(uid)));
            }
        }
        if (in.has("slice")) {
            if (!in.path("slice").isIntegralNumber() || in.path("slice").asInt() < 0) {
                throw new LiveError("invalid", "viewport.slice must be an integer from 0");
            }
            v.put("slice", in.path("slice").asInt());
        }
        if (in.has("window")) {
            v.putObject("window").put("center", finite(in.path("window").path("center"), "viewport.window.center"))
                    .put("width", positive(in.path("window").path("width"), "viewport.window.width"));
        }
        if (in.has("zoom")) {
            v.put("zoom", positive(in.path("zoom"), "viewport.zoom"));
        }
        if (in.has("pan")) {
            JsonNode pan = in.path("pan");
            if (!pan.isArray() || pan.size() != 2) {
                throw new LiveError("invalid", "viewport.pan is [x, y]");
            }
            v.putArray("pan").add(finite(pan.get(0), "viewport.pan")).add(finite(pan.get(1), "viewport.pan"));
        }
        if (in.has("rotation")) {
            v.put("rotation", finite(in.path("rotation"), "viewport.rotation"));
        }
        if (in.path("t").isNumber()) {
            v.put("t", in.path("t").asLong());
        }
        return v;
    }

    private static String uidText(JsonNode node) {
        String s = node.asText("");
        if (!node.isTextual() || s.length() > 64 || !Annotations.UID.matcher(s).matches()) {
            throw new LiveError("invalid", "a UID is digits and dots, at most 64");
        }
        return s;
    }

    private static double finite(JsonNode v, String field) {
        if (!v.isNumber() || !Double.isFinite(v.asDouble())) {
            throw new LiveError("invalid", field + " must be a finite number");
        }
        return v.asDouble();
    }

    private static double positive(JsonNode v, String field) {
        double d = finite(v, field);
        if (d <= 0) {
            throw new LiveError("invalid", field + " must be positive");
        }
        return d;
    }
}
