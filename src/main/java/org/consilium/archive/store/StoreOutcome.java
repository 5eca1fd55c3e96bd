package org.consilium.archive.store;

/** What storing an instance did to the archive. */
public enum StoreOutcome {
    /** A new instance. */
    STORED,
    /** The same bytes were already stored: nothing changed. */
    DUPLICATE,
    /** Different bytes under a known SOP Instance UID: the new version is current, the old one kept. */
    REPLACED
}
