package org.consilium.dicom.net.association;

import java.io.EOFException;
import java.io.IOException;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.function.Predicate;
import javax.net.ssl.SSLSocket;
import org.consilium.dicom.dict.UID;
import org.consilium.dicom.dict.UIDRegistry;
import org.consilium.dicom.net.dimse.DimseDispatcher;
import org.consilium.dicom.net.pdu.AAbort;
import org.consilium.dicom.net.pdu.AAssociateAc;
import org.consilium.dicom.net.pdu.AAssociateRj;
import org.consilium.dicom.net.pdu.AAssociateRq;
import org.consilium.dicom.net.pdu.Pdu;
import org.consilium.dicom.net.pdu.PduException;
import org.consilium.dicom.net.pdu.UserInformation;

/**
 * The acceptor side of association establishment (PS3.8 9.2, states Sta2-Sta6): wait for A-ASSOCIATE-RQ
 * within ARTIM, apply the association limit and policy, negotiate contexts, then hand the association to
 * the {@link DimseDispatcher}. Any protocol error ends in A-ABORT; other associations are not affected.
 */
final class AssociationAcceptor {

    private static final System.Logger LOG = System.getLogger(AssociationAcceptor.class.getName());

    static final Set<String> UNCOMPRESSED = Set.of(UID.ImplicitVRLittleEndian, UID.ExplicitVRLittleEndian,
            UID.ExplicitVRBigEndian);
    private static final Set<String> FIND = Set.of(UID.PatientRootQueryRetrieveInformationModelFind,
            UID.StudyRootQueryRetrieveInformationModelFind);
    private static final Set<String> MOVE = Set.of(UID.PatientRootQueryRetrieveInformationModelMove,
            UID.StudyRootQueryRetrieveInformationModelMove);
    private static final Set<String> GET = Set.of(UID.PatientRootQueryRetrieveInformationModelGet,
            UID.StudyRootQueryRetrieveInformationModelGet);

    private final DicomServer.Builder config;
    private final Semaphore slots;
    private final DimseDispatcher dispatcher;

    AssociationAcceptor(DicomServer.Builder config) {
        this.config = config;
        this.slots = new Semaphore(config.maxAssociations);
        this.dispatcher = new DimseDispatcher(config);
    }

    int active() {
        return config.maxAssociations - slots.availablePermits();
    }

    void serve(Socket socket) {
        Association as = null;
        boolean slot = false;
        try {
            socket.setTcpNoDelay(true); // without it each C-STORE round trip stalls ~40 ms (Nagle + delayed ACK)
            socket.setSoTimeout(Timeouts.millis(config.timeouts.association())); // ARTIM
            if (socket instanceof SSLSocket ssl) {
                ssl.startHandshake();
            }
            as = new Association(socket, config.maxPduLength, config.timeouts);
            Pdu first = as.readPdu();
            if (!(first instanceof AAssociateRq rq)) {
                throw new PduException("expected A-ASSOCIATE-RQ, got " + first.getClass().getSimpleName(),
                        AAbort.UNEXPECTED_PDU);
            }
            slot = slots.tryAcquire();
            AAssociateRj rejection = slot ? check(rq) : AAssociateRj.localLimitExceeded();
            Object attachment = null;
            if (rejection == null) {
                Acceptance decision = decide(AssociationRequest.of(rq, socket.getRemoteSocketAddress()));
                if (decision instanceof Acceptance.Reject r) {
                    rejection = r.rejection();
                } else {
                    attachment = ((Acceptance.Accept) decision).attachment();
                }
            }
            if (rejection != null) {
                LOG.log(System.Logger.Level.INFO, "rejected {0} -> {1} from {2}: {3}", rq.callingAe(), rq.calledAe(),
                        socket.getRemoteSocketAddress(), rejection.describe());
                as.write(rejection);
                return;
            }
            AAssociateAc ac = Negotiation.answer(rq, abstractSyntax -> acceptable(abstractSyntax, rq),
                    roles(rq), config.maxPduLength);
            as.write(ac);
            as.established(Negotiation.acceptorInfo(rq, ac, socket.getRemoteSocketAddress(), attachment));
            LOG.log(System.Logger.Level.DEBUG, "accepted {0}", as);
            dispatcher.serve(as);
        } catch (PduException e) {
            LOG.log(System.Logger.Level.WARNING, "aborting association from {0}: {1}", socket.getRemoteSocketAddress(), e.getMessage());
            if (as != null) {
                as.abort(AAbort.byProvider(e.abortReason()));
            }
        } catch (SocketTimeoutException e) {
            LOG.log(System.Logger.Level.INFO, "timeout on {0}: closing", as == null ? socket.getRemoteSocketAddress() : as);
            if (as != null && as.info() != null) {
                as.abort(AAbort.byProvider(AAbort.REASON_NOT_SPECIFIED));
            }
        } catch (AssociationAbortedException | EOFException | SocketException | javax.net.ssl.SSLException e) {
            LOG.log(System.Logger.Level.DEBUG, "association from {0} ended: {1}", socket.getRemoteSocketAddress(), e.toString());
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "association from " + socket.getRemoteSocketAddress() + " failed", e);
            if (as != null) {
                as.abort(AAbort.byProvider(AAbort.REASON_NOT_SPECIFIED));
            }
        } finally {
            if (slot) {
                slots.release();
            }
            if (as != null) {
                as.close();
            }
        }
    }

    private AAssociateRj check(AAssociateRq rq) {
        if (!Pdu.APPLICATION_CONTEXT.equals(rq.applicationContext())) {
            return new AAssociateRj(AAssociateRj.REJECTED_PERMANENT, AAssociateRj.SOURCE_SERVICE_USER,
                    AAssociateRj.APPLICATION_CONTEXT_NOT_SUPPORTED);
        }
        if (!config.aeTitle.equals(rq.calledAe())) {
            return AAssociateRj.calledAeNotRecognized();
        }
        return null;
    }

    private Acceptance decide(AssociationRequest request) {
        try {
            Acceptance a = config.policy.evaluate(request);
            return a != null ? a : Acceptance.reject(AAssociateRj.callingAeNotRecognized());
        } catch (Exception e) {
            LOG.log(System.Logger.Level.ERROR, "association policy failed", e);
            return Acceptance.reject(AAssociateRj.REJECTED_TRANSIENT, AAssociateRj.SOURCE_SERVICE_USER,
                    AAssociateRj.NO_REASON_GIVEN);
        }
    }

    /** Transfer syntaxes we take for an abstract syntax, or null if we do not offer it. */
    private Predicate<String> acceptable(String abstractSyntax, AAssociateRq rq) {
        if (UID.Verification.equals(abstractSyntax)
                || config.findHandler != null && FIND.contains(abstractSyntax)
                || config.moveHandler != null && MOVE.contains(abstractSyntax)
                || config.getHandler != null && GET.contains(abstractSyntax)) {
            return UNCOMPRESSED::contains;
        }
        if (isStorage(abstractSyntax) && (config.storeHandler != null || config.getHandler != null
                && scpRoleProposed(rq, abstractSyntax))) {
            return UIDRegistry::isTransferSyntax; // stored as received, compressed or not
        }
        return null;
    }

    /** C-GET: the SCU proposes to be SCP of the storage classes it wants to receive; we accept as proposed. */
    private List<UserInformation.RoleSelection> roles(AAssociateRq rq) {
        List<UserInformation.RoleSelection> answer = new ArrayList<>();
        if (config.getHandler != null) {
            for (UserInformation.RoleSelection r : rq.userInformation().roleSelections()) {
                if (isStorage(r.sopClassUid())) {
                    answer.add(r);
                }
            }
        }
        return answer;
    }

    private static boolean scpRoleProposed(AAssociateRq rq, String sopClass) {
        return rq.userInformation().roleSelections().stream().anyMatch(r -> r.scp() && r.sopClassUid().equals(sopClass));
    }

    /** A registered storage SOP class, or an unregistered (private) one. */
    static boolean isStorage(String uid) {
        UIDRegistry.Entry e = UIDRegistry.entryOf(uid);
        if (e == null) {
            return uid.matches("[0-9]+(\\.[0-9]+)+");
        }
        String name = e.name();
        return e.type().startsWith("SOP Class") && name.contains("Storage") && !name.contains("Storage Commitment")
                && !name.contains("Storage Management");
    }
}
