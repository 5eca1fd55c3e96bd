package org.consilium.dicom.net.association;

import java.io.IOException;
import org.consilium.dicom.net.pdu.AAssociateRj;

/** The called AE answered A-ASSOCIATE-RJ. */
public class AssociationRejectedException extends IOException {

    private final AAssociateRj rejection;

    public AssociationRejectedException(AAssociateRj rejection) {
        super("association rejected: " + rejection.describe());
        this.rejection = rejection;
    }

    public AAssociateRj rejection() {
        return rejection;
    }
}
