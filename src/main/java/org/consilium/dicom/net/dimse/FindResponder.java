package org.consilium.dicom.net.dimse;

import java.io.IOException;
import org.consilium.dicom.data.Attributes;

/** Sends C-FIND pending responses (status 0xFF00) for a {@link FindHandler}. */
public interface FindResponder {

    /**
     * Sends one match. Text is re-encoded in the Specific Character Set the identifier asked for, else
     * ISO_IR 192 (PS3.4 C.4.1.1.3.2). Returns false once the SCU has sent C-CANCEL: stop then.
     */
    boolean pending(Attributes match) throws IOException;
}
