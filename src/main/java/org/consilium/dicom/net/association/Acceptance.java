package org.consilium.dicom.net.association;

import org.consilium.dicom.net.pdu.AAssociateRj;

/**
 * An {@link AssociationPolicy}'s answer: accept, with an object the handlers get back through
 * {@link AssociationInfo#attachment()} (for example the calling AE's hospital), or reject (PS3.8 9.3.4).
 *
 * <pre>{@code
 * AssociationPolicy policy = rq -> registry.find(rq.callingAe())
 *         .<Acceptance>map(Acceptance::accept)
 *         .orElse(Acceptance.reject(AAssociateRj.callingAeNotRecognized()));
 * }</pre>
 */
public sealed interface Acceptance {

    record Accept(Object attachment) implements Acceptance {}

    record Reject(AAssociateRj rejection) implements Acceptance {}

    static Acceptance accept(Object attachment) {
        return new Accept(attachment);
    }

    static Acceptance reject(AAssociateRj rejection) {
        return new Reject(rejection);
    }

    static Acceptance reject(int result, int source, int reason) {
        return new Reject(new AAssociateRj(result, source, reason));
    }
}
