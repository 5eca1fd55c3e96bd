package org.consilium.registry.report;

/** Whether the reported malignancy is suspected (疑似) or confirmed (确诊, e.g. by pathology). */
public enum Certainty {
    SUSPECTED, CONFIRMED
}
