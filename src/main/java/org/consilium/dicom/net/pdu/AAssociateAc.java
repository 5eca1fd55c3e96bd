package org.consilium.dicom.net.pdu;

import java.util.List;

/**
 * A-ASSOCIATE-AC (PS3.8 9.3.3): one answer per proposed presentation context. The AE titles are those of the
 * request, echoed back as PS3.8 asks.
 */
public record AAssociateAc(String calledAe, String callingAe, String applicationContext,
        List<PresentationContext> contexts, UserInformation userInformation) implements Pdu {

    public AAssociateAc {
        contexts = List.copyOf(contexts);
    }
}
