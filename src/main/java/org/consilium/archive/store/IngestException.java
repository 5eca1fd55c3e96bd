package org.consilium.archive.store;

/** Why an instance was refused; each reason maps to a DIMSE status and a STOW-RS failure reason. */
public class IngestException extends Exception {

    /** PS3.4 Annex B.2.3 statuses and PS3.18 Table 10.5.3-1 failure reasons. */
    public enum Reason {
        NOT_DICOM(0xC000, 0xC000),
        MISSING_ATTRIBUTE(0xA900, 0xA900),
        INVALID_ATTRIBUTE(0xA900, 0xA900),
        UID_MISMATCH(0xA900, 0xA900),
        SOP_CLASS_NOT_SUPPORTED(0x0122, 0x0122),
        STUDY_OF_ANOTHER_HOSPITAL(0xA700, 0xA700), // refused: the study belongs to a hospital the sender cannot write
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

    private final Reason reason;
    private String sopClassUid;
    private String sopInstanceUid;

    public IngestException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public IngestException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    /** Names the refused instance, once its header was read; the STOW-RS Failed SOP Sequence reports it. */
    IngestException about(String sopClass, String sopInstance) {
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
