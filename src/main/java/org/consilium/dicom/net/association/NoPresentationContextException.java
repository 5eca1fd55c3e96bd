package org.consilium.dicom.net.association;

import java.io.IOException;

/** No accepted presentation context can carry this SOP class in this transfer syntax (nor a convertible one). */
public class NoPresentationContextException extends IOException {

    public NoPresentationContextException(String sopClass, String transferSyntax) {
        super("no accepted presentation context for " + sopClass
                + (transferSyntax == null ? "" : " in transfer syntax " + transferSyntax));
    }
}
