package org.consilium.dicom.net;

import java.io.IOException;

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
