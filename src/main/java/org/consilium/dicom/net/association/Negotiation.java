package org.consilium.dicom.net.association;

import java.net.SocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;
import org.consilium.dicom.dict.UID;
import org.consilium.dicom.io.TransferSyntax;
import org.consilium.dicom.net.pdu.AAssociateAc;
import org.consilium.dicom.net.pdu.AAssociateRq;
import org.consilium.dicom.net.pdu.Pdu;
import org.consilium.dicom.net.pdu.PresentationContext;
import org.consilium.dicom.net.pdu.UserInformation;

/** Presentation context negotiation (PS3.8 9.3.2.2, 9.3.3.2; PS3.7 D.3.3.4) for both sides. */
final class Negotiation {

    private Negotiation() {}

    /**
     * The acceptor's answer: each context is accepted with the first transfer syntax the requestor proposed
     * that {@code acceptable} allows for its abstract syntax (null: abstract syntax not supported). The
     * requestor's order is kept so that a PACS's own encoding, compressed or not, is stored as it is.
     */
    static AAssociateAc answer(AAssociateRq rq, Function<String, Predicate<String>> acceptable,
            List<UserInformation.RoleSelection> roles, long ownMaxPduLength) {
        List<PresentationContext> answers = new ArrayList<>();
        for (PresentationContext pc : rq.contexts()) {
            Predicate<String> allowed = pc.abstractSyntax() == null ? null : acceptable.apply(pc.abstractSyntax());
            if (allowed == null) {
                answers.add(PresentationContext.reject(pc.id(), pc.abstractSyntax(),
                        PresentationContext.ABSTRACT_SYNTAX_NOT_SUPPORTED));
                continue;
            }
            String chosen = pc.transferSyntaxes().stream().filter(allowed).findFirst().orElse(null);
            answers.add(chosen == null
                    ? PresentationContext.reject(pc.id(), pc.abstractSyntax(), PresentationContext.TRANSFER_SYNTAXES_NOT_SUPPORTED)
                    : PresentationContext.accept(pc.id(), pc.abstractSyntax(), chosen));
        }
        return new AAssociateAc(rq.calledAe(), rq.callingAe(), Pdu.APPLICATION_CONTEXT, answers,
                UserInformation.ours(ownMaxPduLength, roles));
    }

    static AssociationInfo acceptorInfo(AAssociateRq rq, AAssociateAc ac, SocketAddress remote, Object attachment) {
        UserInformation peer = rq.userInformation();
        return new AssociationInfo(rq.callingAe(), rq.calledAe(), remote, ac.contexts(),
                ac.userInformation().roleSelections(), ac.userInformation().maxPduLength(), peer.maxPduLength(),
                peer.implementationClassUid(), peer.implementationVersionName(), attachment);
    }

    /** The requestor's view: the answers with the abstract syntaxes it proposed under the same ids. */
    static AssociationInfo requestorInfo(AAssociateRq rq, AAssociateAc ac, SocketAddress remote) {
        List<PresentationContext> contexts = new ArrayList<>();
        for (PresentationContext answer : ac.contexts()) {
            String abstractSyntax = rq.contexts().stream().filter(p -> p.id() == answer.id())
                    .map(PresentationContext::abstractSyntax).findFirst().orElse(null);
            contexts.add(new PresentationContext(answer.id(), abstractSyntax, answer.transferSyntaxes(), answer.result()));
        }
        UserInformation peer = ac.userInformation();
        return new AssociationInfo(rq.callingAe(), rq.calledAe(), remote, contexts, peer.roleSelections(),
                rq.userInformation().maxPduLength(), peer.maxPduLength(), peer.implementationClassUid(),
                peer.implementationVersionName(), null);
    }

    /** The first accepted context for the abstract syntax, in the transfer syntax if not null. */
    static PresentationContext acceptedContext(AssociationInfo info, String abstractSyntax, String transferSyntax) {
        for (PresentationContext pc : info.contexts()) {
            if (pc.accepted() && abstractSyntax.equals(pc.abstractSyntax())
                    && (transferSyntax == null || transferSyntax.equals(pc.transferSyntax()))) {
                return pc;
            }
        }
        return null;
    }

    /**
     * A context to send a {@code sopClass} instance encoded in {@code transferSyntax}: the same syntax, else,
     * for an unencapsulated one, any accepted unencapsulated syntax (Explicit VR LE preferred).
     */
    static PresentationContext storageContext(AssociationInfo info, String sopClass, String transferSyntax)
            throws NoPresentationContextException {
        PresentationContext exact = acceptedContext(info, sopClass, transferSyntax);
        if (exact != null) {
            return exact;
        }
        if (!TransferSyntax.of(transferSyntax).encapsulated()) {
            PresentationContext explicit = acceptedContext(info, sopClass, UID.ExplicitVRLittleEndian);
            if (explicit != null) {
                return explicit;
            }
            for (PresentationContext pc : info.contexts()) {
                if (pc.accepted() && sopClass.equals(pc.abstractSyntax()) && !TransferSyntax.of(pc.transferSyntax()).encapsulated()) {
                    return pc;
                }
            }
        }
        throw new NoPresentationContextException(sopClass, transferSyntax);
    }
}
