package org.consilium.dicom;

/** The bytes break the encoding rules of PS3.5 in a way that cannot be read past. */
public class MalformedDicomException extends DicomException {
    public MalformedDicomException(String message, int tag, long offset) {
        super(message, tag, offset);
    }

    public MalformedDicomException(String message, int tag, long offset, Throwable cause) {
        super(message, tag, offset, cause);
    }
}
