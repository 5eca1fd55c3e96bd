package org.consilium.registry.record;

/** A registry record is a draft until a case manager confirms it; an edit after that starts a new revision. */
public enum RecordState {
    DRAFT, CONFIRMED
}
