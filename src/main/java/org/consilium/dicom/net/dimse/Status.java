package org.consilium.dicom.net.dimse;

import java.util.Arrays;
import java.util.List;

/**
 * A DIMSE status (PS3.7 C, PS3.4 annexes) with an optional Error Comment (0000,0902, at most 64 characters)
 * and the Offending Elements (0000,0901) it is about, if any.
 *
 * <pre>{@code
 * return Status.of(Status.CANNOT_UNDERSTAND, "StudyDate (0008,0020) @812: not a date").about(Tag.StudyDate);
 * }</pre>
 */
public record Status(int code, String errorComment, List<Integer> offendingElements) {

    public Status {
        offendingElements = offendingElements == null ? List.of() : List.copyOf(offendingElements);
    }

    public Status(int code, String errorComment) {
        this(code, errorComment, List.of());
    }

    public static final int SUCCESS = 0x0000;
    public static final int PENDING = 0xFF00;
    /** C-FIND pending: some optional keys were not supported. */
    public static final int PENDING_WARNING = 0xFF01;
    public static final int CANCEL = 0xFE00;

    public static final int WARNING_SUB_OPERATIONS = 0xB000;
    public static final int WARNING_COERCION = 0xB000;
    public static final int WARNING_ELEMENTS_DISCARDED = 0xB006;
    public static final int WARNING_DATA_SET_MISMATCH = 0xB007;
    public static final int WARNING_ATTRIBUTE_LIST = 0x0107;

    public static final int OUT_OF_RESOURCES = 0xA700;
    /** C-MOVE/C-GET: out of resources, unable to calculate the number of matches. */
    public static final int OUT_OF_RESOURCES_MATCHES = 0xA701;
    /** C-MOVE/C-GET: out of resources, unable to perform sub-operations. */
    public static final int OUT_OF_RESOURCES_SUB_OPERATIONS = 0xA702;
    public static final int MOVE_DESTINATION_UNKNOWN = 0xA801;
    public static final int DATA_SET_DOES_NOT_MATCH_SOP_CLASS = 0xA900;
    public static final int IDENTIFIER_DOES_NOT_MATCH_SOP_CLASS = 0xA900;
    public static final int CANNOT_UNDERSTAND = 0xC000;
    public static final int UNABLE_TO_PROCESS = 0xC001;
    public static final int SOP_CLASS_NOT_SUPPORTED = 0x0122;
    public static final int UNRECOGNIZED_OPERATION = 0x0211;
    public static final int PROCESSING_FAILURE = 0x0110;

    public static final Status OK = new Status(SUCCESS, null);

    public static Status of(int code) {
        return new Status(code, null);
    }

    public static Status of(int code, String errorComment) {
        return new Status(code, errorComment);
    }

    /** This status naming the elements it is about (PS3.4 B.2.3: failures A9xx, Cxxx and warnings Bxxx). */
    public Status about(int... tags) {
        return new Status(code, errorComment, Arrays.stream(tags).boxed().toList());
    }

    public boolean isSuccess() {
        return code == SUCCESS;
    }

    public boolean isPending() {
        return code == PENDING || code == PENDING_WARNING;
    }

    /** PS3.7 C: warnings are 0001, 0107, 0116 and Bxxx. */
    public boolean isWarning() {
        return code == 0x0001 || code == 0x0107 || code == 0x0116 || (code & 0xF000) == 0xB000;
    }

    public boolean isFailure() {
        return !isSuccess() && !isPending() && !isWarning() && code != CANCEL;
    }

    @Override
    public String toString() {
        return String.format("%04X", code) + (errorComment == null ? "" : " (" + errorComment + ")");
    }
}
