package org.consilium.dicom.net.pdu;

import java.io.IOException;

/**
 * The peer broke PS3.8: a malformed, unknown, unexpected or oversized PDU. The association is aborted with
 * {@link #abortReason()} and closed. An {@link IOException}, so that it passes through the P-DATA streams.
 */
public class PduException extends IOException {

    private final int abortReason;

    public PduException(String message, int abortReason) {
        super(message);
        this.abortReason = abortReason;
    }

    /** The A-ABORT reason to send (PS3.8 table 9-26). */
    public int abortReason() {
        return abortReason;
    }
}
