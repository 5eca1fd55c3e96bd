package org.consilium.live;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;

/** Server-to-client frames of protocol version 1 (docs/live-protocol.md). */
@ApplicationScoped
public class Frames {

    public static final int VERSION = 1;

    @Inject
    ObjectMapper json;

    ObjectNode frame(String type) {
        ObjectNode f = json.createObjectNode();
        f.put("v", VERSION);
        f.put("type", type);
        return f;
    }

    String ack(String opId, long seq, boolean duplicate, Map<String, Object> extra) {
        ObjectNode f = frame("ack");
        f.put("opId", opId);
        if (seq > 0) {
            f.put("seq", seq);
        }
        f.put("duplicate", duplicate);
        extra.forEach((k, v) -> f.set(k, json.valueToTree(v)));
        return text(f);
    }

    String error(String code, String message, String opId, Map<String, Object> details) {
        ObjectNode f = frame("error");
        f.put("code", code);
        f.put("message", message);
        if (opId != null) {
            f.put("opId", opId);
        }
        details.forEach((k, v) -> f.set(k, json.valueToTree(v)));
        return text(f);
    }

    String text(Object node) {
        try {
            return json.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
