package org.consilium.dicom.net.association;

import java.net.SocketAddress;
import java.util.List;
import org.consilium.dicom.net.pdu.AAssociateRq;
import org.consilium.dicom.net.pdu.PresentationContext;
import org.consilium.dicom.net.pdu.UserInformation;

/** What an {@link AssociationPolicy} decides on: the A-ASSOCIATE-RQ and where it came from. */
public record AssociationRequest(String callingAe, String calledAe, SocketAddress remoteAddress,
        List<PresentationContext> proposedContexts, UserInformation userInformation) {

    static AssociationRequest of(AAssociateRq rq, SocketAddress remote) {
        return new AssociationRequest(rq.callingAe(), rq.calledAe(), remote, rq.contexts(), rq.userInformation());
    }
}
