package org.consilium.dicom;

/** The stream ended, or a length points past its end, in the middle of an element. */
public class TruncatedDicomException extends DicomException {
    public TruncatedDicomException(String message, int tag, long offset) {
        super(message, tag, offset);
    }
}
