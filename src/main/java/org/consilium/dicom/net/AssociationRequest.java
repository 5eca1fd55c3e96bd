package org.consilium.dicom.net;

import java.net.SocketAddress;
import java.util.List;

/** What an {@link AssociationPolicy} decides on: the A-ASSOCIATE-RQ and where it came from. */
public record AssociationRequest(String callingAe, String calledAe, SocketAddress remoteAddress,
        List<PresentationContext> proposedContexts, UserInformation userInformation) {

    static AssociationRequest of(AAssociateRq rq, SocketAddress remote) {
        return new AssociationRequest(rq.callingAe(), rq.calledAe(), remote, rq.contexts(), rq.userInformation());
    }
}
