package org.consilium.platform;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * An RFC 9457 problem detail. {@code type} is stable and documented; clients switch on it, not on
 * {@code title} or {@code detail}, which are for people. {@code requestId} (an extension member) names the
 * request in the server's logs, as its {@code X-Request-Id} header does.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance,
                      List<FieldError> errors, String requestId) {

    public Problem(String type, String title, int status, String detail, String instance, List<FieldError> errors) {
        this(type, title, status, detail, instance, errors, RequestIds.current());
    }

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_PREFIX = "urn:consilium:problem:";

    /** A validation failure on one named field of the request. */
    public record FieldError(String field, String message) {
    }

    public static Problem of(ProblemType type, String detail, String instance) {
        return new Problem(typeUri(type), type.title(), type.status(), detail, instance, null);
    }

    public static String typeUri(ProblemType type) {
        return TYPE_PREFIX + type.slug();
    }

    public Problem withErrors(List<FieldError> fieldErrors) {
        return new Problem(type, title, status, detail, instance, fieldErrors, requestId);
    }
}
