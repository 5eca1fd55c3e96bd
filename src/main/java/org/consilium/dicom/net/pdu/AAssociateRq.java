package org.consilium.dicom.net.pdu;

import java.util.List;

/** A-ASSOCIATE-RQ (PS3.8 9.3.2): who calls whom, and the presentation contexts proposed. */
public record AAssociateRq(String calledAe, String callingAe, String applicationContext,
        List<PresentationContext> contexts, UserInformation userInformation) implements Pdu {

    public AAssociateRq {
        contexts = List.copyOf(contexts);
    }
}
