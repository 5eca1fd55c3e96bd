package org.consilium.dicom.io;

import org.consilium.dicom.data.Attributes;

/**
 * A Part 10 file as read: its File Meta Information (null for a raw data set), the data set, and the
 * transfer syntax the data set was encoded in.
 */
public record DicomFile(Attributes fileMetaInformation, Attributes dataset, String transferSyntaxUid) {}
