package org.consilium.dicom;

import org.consilium.dicom.dict.Tag;

/**
 * A DICOM stream or value that cannot be read or written. Carries the offending tag and the stream
 * offset where known, so that a 4xx or DIMSE failure can say exactly what was wrong.
 */
public class DicomException extends Exception {

    /** Tag or offset not known. */
    public static final int NO_TAG = -1;

    public static final long NO_OFFSET = -1;

    private final int tag;
    private final long offset;
    private final String reason;

    public DicomException(String message, int tag, long offset) {
        this(message, tag, offset, null);
    }

    public DicomException(String message, int tag, long offset, Throwable cause) {
        super(describe(message, tag, offset), cause);
        this.tag = tag;
        this.offset = offset;
        this.reason = message;
    }

    /** What is wrong, without the tag and offset that {@link #getMessage()} appends. */
    public String reason() {
        return reason;
    }

    /** The tag of the element being read or written, or {@link #NO_TAG}. */
    public int tag() {
        return tag;
    }

    /** Byte offset in the stream (after inflation, for deflated data sets), or {@link #NO_OFFSET}. */
    public long offset() {
        return offset;
    }

    private static String describe(String message, int tag, long offset) {
        StringBuilder sb = new StringBuilder(message);
        if (tag != NO_TAG) {
            sb.append(" at tag ").append(Tag.toString(tag));
        }
        if (offset != NO_OFFSET) {
            sb.append(" at offset ").append(offset);
        }
        return sb.toString();
    }
}
