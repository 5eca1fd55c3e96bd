package org.consilium.archive;

/** One stored instance as other capabilities see it: where it belongs and what it is. */
public record InstanceRecord(String studyUid, String seriesUid, String sopClassUid, String sopInstanceUid) {
}
