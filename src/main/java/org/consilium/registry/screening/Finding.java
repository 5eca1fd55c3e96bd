package org.consilium.registry.screening;

/** What the colonoscopy found; a cancer becomes a new-tumor report. */
public enum Finding {
    CANCER, PRECANCEROUS, OTHER_BENIGN, NORMAL;

    /** Counted in the positive-detection rate: cancers and precancerous lesions. */
    boolean positive() {
        return this == CANCER || this == PRECANCEROUS;
    }
}
