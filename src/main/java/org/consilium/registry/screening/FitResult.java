package org.consilium.registry.screening;

/** The faecal immunochemical test. */
public enum FitResult {
    POSITIVE, NEGATIVE
}
