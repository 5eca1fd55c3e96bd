package org.consilium.archive;

import org.consilium.dicom.DicomException;
import org.consilium.dicom.dict.ElementDictionary;
import org.consilium.dicom.dict.Tag;

/**
 * Why an instance was refused; each reason maps to a DIMSE status and a STOW-RS failure reason. A problem
 * with the data is a failure the sender should not retry (A900, C000); only a resource we lack (disk,
 * database) is A700, which tells a PACS to try again later. The table is in docs/conformance.md.
 */
public class IngestException extends Exception {

    /** PS3.4 Annex B.2.3 statuses and PS3.18 Table 10.5.3-1 failure reasons. */
    public enum Reason {
        /** The bytes are no DICOM data set we can read. */
        NOT_DICOM(0xC000, 0xC000),
        /** The data set holds something the archive cannot process (a value the database refuses, say). */
        CANNOT_UNDERSTAND(0xC000, 0xC000),
        MISSING_ATTRIBUTE(0xA900, 0xA900),
        INVALID_ATTRIBUTE(0xA900, 0xA900),
        UID_MISMATCH(0xA900, 0xA900),
        SOP_CLASS_NOT_SUPPORTED(0x0122, 0x0122),
        /** PS3.7 C.5.x refused, not authorized: the study belongs to a hospital the sender cannot write. */
        STUDY_OF_ANOTHER_HOSPITAL(0x0124, 0x0124),
        /** Disk full, database down: the sender may retry later. */
        OUT_OF_RESOURCES(0xA700, 0xA700);

        private final int dimseStatus;
        private final int stowFailureReason;

        Reason(int dimseStatus, int stowFailureReason) {
            this.dimseStatus = dimseStatus;
            this.stowFailureReason = stowFailureReason;
        }

        public int dimseStatus() {
            return dimseStatus;
        }

        public int stowFailureReason() {
            return stowFailureReason;
        }
    }

    /** Longest Error Comment (0000,0902): LO. */
    private static final int MAX_COMMENT = 64;

    private final Reason reason;
    private final String what;
    private int tag = DicomException.NO_TAG;
    private long offset = DicomException.NO_OFFSET;
    private String sopClassUid;
    private String sopInstanceUid;

    public IngestException(Reason reason, String message) {
        super(message);
        this.reason = reason;
        this.what = message;
    }

    /** From a toolkit failure, the offending tag and offset are kept for the Error Comment. */
    public IngestException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
        this.what = cause instanceof DicomException d ? d.reason() : message;
        if (cause instanceof DicomException d) {
            this.tag = d.tag();
            this.offset = d.offset();
        }
    }

    public Reason reason() {
        return reason;
    }

    /** Names the attribute the refusal is about. */
    public IngestException at(int tag) {
        this.tag = tag;
        return this;
    }

    /** The offending attribute's tag, or {@link DicomException#NO_TAG}. */
    public int tag() {
        return tag;
    }

    /** Where in the data set the problem was met, or {@link DicomException#NO_OFFSET}. */
    public long offset() {
        return offset;
    }

    /**
     * At most 64 characters, attribute and offset first so that a cut keeps them: {@code "NumberOfFrames
     * (0028,0008) @1034: not an integer"}.
     */
    public String errorComment() {
        StringBuilder c = new StringBuilder();
        if (tag != DicomException.NO_TAG) {
            String keyword = ElementDictionary.keywordOf(tag);
            if (keyword != null && !keyword.isEmpty() && !what.startsWith(keyword)) {
                c.append(keyword).append(' ');
            }
            c.append(Tag.toString(tag));
        }
        if (offset != DicomException.NO_OFFSET) {
            c.append(c.isEmpty() ? "" : " ").append('@').append(offset);
        }
        c.append(c.isEmpty() ? "" : ": ").append(what);
        return c.length() <= MAX_COMMENT ? c.toString() : c.substring(0, MAX_COMMENT);
    }

    /** Names the refused instance, once its header was read; the STOW-RS Failed SOP Sequence reports it. */
    public IngestException about(String sopClass, String sopInstance) {
        this.sopClassUid = sopClass;
        this.sopInstanceUid = sopInstance;
        return this;
    }

    /** SOP Class UID of the refused instance, or null if it could not be read. */
    public String sopClassUid() {
        return sopClassUid;
    }

    /** SOP Instance UID of the refused instance, or null if it could not be read. */
    public String sopInstanceUid() {
        return sopInstanceUid;
    }
}
