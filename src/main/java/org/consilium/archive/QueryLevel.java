package org.consilium.archive;

/** The QIDO-RS and C-FIND query levels. */
public enum QueryLevel {
    STUDY, SERIES, IMAGE
}
