package org.consilium.dicom.io;

import org.consilium.dicom.data.Attributes;

/**
 * A Part 10 file as read: its File Meta Information (null for a raw data set), the data set, the transfer
 * syntax the data set was encoded in, and the 128-byte preamble (null when absent or all zero), which some
 * writers use for TIFF or other headers (PS3.10 7.5) and which {@link DicomWriter} writes back.
 */
public record DicomFile(Attributes fileMetaInformation, Attributes dataset, String transferSyntaxUid, byte[] preamble) {

    public DicomFile(Attributes fileMetaInformation, Attributes dataset, String transferSyntaxUid) {
        this(fileMetaInformation, dataset, transferSyntaxUid, null);
    }
}
