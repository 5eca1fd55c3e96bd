package org.consilium.platform;

/** The stable problem types of the API; docs/api.md lists them. */
public enum ProblemType {
    UNAUTHORIZED("unauthorized", 401, "Authentication required"),
    FORBIDDEN("forbidden", 403, "Not allowed for your role"),
    NOT_FOUND("not-found", 404, "Not found"),
    VALIDATION("validation", 400, "The request is not valid"),
    BAD_REQUEST("bad-request", 400, "Bad request"),
    CONFLICT("conflict", 409, "Conflict with the current state"),
    ILLEGAL_TRANSITION("illegal-transition", 409, "Not allowed in the current state"),
    METHOD_NOT_ALLOWED("method-not-allowed", 405, "Method not allowed"),
    PRECONDITION_FAILED("precondition-failed", 412, "A precondition of the protocol is not met"),
    PAYLOAD_TOO_LARGE("too-large", 413, "The request body is too large"),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", 415, "Unsupported media type"),
    NOT_ACCEPTABLE("not-acceptable", 406, "Not acceptable"),
    UPSTREAM("upstream-unavailable", 502, "A service we depend on failed"),
    INTERNAL("internal", 500, "Internal error");

    private final String slug;
    private final int status;
    private final String title;

    ProblemType(String slug, int status, String title) {
        this.slug = slug;
        this.status = status;
        this.title = title;
    }

    public String slug() {
        return slug;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public static ProblemType forStatus(int status) {
        for (ProblemType t : values()) {
            if (t.status == status && t != VALIDATION) {
                return t;
            }
        }
        return status >= 500 ? INTERNAL : BAD_REQUEST;
    }
}
