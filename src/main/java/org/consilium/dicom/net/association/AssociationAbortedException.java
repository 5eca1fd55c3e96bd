package org.consilium.dicom.net.association;

import java.io.IOException;
import org.consilium.dicom.net.pdu.AAbort;

/** The peer sent A-ABORT, or the association was aborted locally while an operation was under way. */
public class AssociationAbortedException extends IOException {

    private final AAbort abort;

    public AssociationAbortedException(String message, AAbort abort) {
        super(message + " (A-ABORT source " + abort.source() + ", reason " + abort.reason() + ")");
        this.abort = abort;
    }

    public AAbort abort() {
        return abort;
    }
}
