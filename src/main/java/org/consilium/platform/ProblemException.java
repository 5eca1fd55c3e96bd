package org.consilium.platform;

import java.util.List;

/** Thrown by services to end a request with a specific problem type; mapped to problem+json. */
public class ProblemException extends RuntimeException {

    private final ProblemType type;
    private final List<Problem.FieldError> errors;

    public ProblemException(ProblemType type, String detail) {
        this(type, detail, List.of());
    }

    /** A problem with one entry per field (or row of an uploaded file) that is wrong. */
    public ProblemException(ProblemType type, String detail, List<Problem.FieldError> errors) {
        super(detail);
        this.type = type;
        this.errors = List.copyOf(errors);
    }

    public ProblemException(ProblemType type, String detail, Throwable cause) {
        super(detail, cause);
        this.type = type;
        this.errors = List.of();
    }

    public List<Problem.FieldError> errors() {
        return errors;
    }

    public ProblemType type() {
        return type;
    }

    public static ProblemException notFound(String what) {
        return new ProblemException(ProblemType.NOT_FOUND, what + " not found");
    }
}
