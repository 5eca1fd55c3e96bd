package org.consilium.audit;

/** What happened to the attempt being audited. */
public enum Outcome {
    SUCCESS, DENIED, FAILED
}
