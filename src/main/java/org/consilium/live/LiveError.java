package org.consilium.live;

import java.util.Map;

/**
 * A refused operation, answered to the client as {@code {"type":"error","code":...}}; the socket stays
 * open. Thrown inside a room-log transaction it also rolls the effect back.
 */
public class LiveError extends RuntimeException {

    private final String code;
    private final Map<String, Object> details;

    public LiveError(String code, String message) {
        this(code, message, Map.of());
    }

    public LiveError(String code, String message, Map<String, Object> details) {
        super(message);
        this.code = code;
        this.details = details;
    }

    public String code() {
        return code;
    }

    public Map<String, Object> details() {
        return details;
    }
}
