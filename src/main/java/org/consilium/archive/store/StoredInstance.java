package org.consilium.archive.store;

/** Where one indexed instance's bytes are, and what the index knows about its pixels. */
public record StoredInstance(String studyUid, String seriesUid, String sopInstanceUid, String sopClassUid,
                             String transferSyntax, String blobKey, long size, Long pixelDataOffset,
                             Long pixelDataLength, Integer frames, Integer rows, Integer columns) {
}
