package org.consilium.archive.store;

/** The QIDO-RS and C-FIND query levels. */
public enum QueryLevel {
    STUDY, SERIES, IMAGE
}
