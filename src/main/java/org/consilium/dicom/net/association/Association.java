package org.consilium.dicom.net.association;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import javax.net.ssl.SSLSocket;
import org.consilium.dicom.data.Attributes;
import org.consilium.dicom.dict.Tag;
import org.consilium.dicom.dict.UID;
import org.consilium.dicom.dict.VR;
import org.consilium.dicom.net.dimse.Dimse;
import org.consilium.dicom.net.dimse.Status;
import org.consilium.dicom.net.pdu.AAbort;
import org.consilium.dicom.net.pdu.AAssociateAc;
import org.consilium.dicom.net.pdu.AAssociateRj;
import org.consilium.dicom.net.pdu.AAssociateRq;
import org.consilium.dicom.net.pdu.AReleaseRp;
import org.consilium.dicom.net.pdu.AReleaseRq;
import org.consilium.dicom.net.pdu.Pdu;
import org.consilium.dicom.net.pdu.PduException;
import org.consilium.dicom.net.pdu.PduReader;
import org.consilium.dicom.net.pdu.PduWriter;
import org.consilium.dicom.net.pdu.PresentationContext;
import org.consilium.dicom.net.pdu.UnexpectedPduException;
import org.consilium.dicom.net.pdu.UserInformation;

/**
 * An established DICOM association (PS3.8 7.1): the socket, the negotiated presentation contexts, and DIMSE
 * messages over P-DATA. As a requestor it is the SCU API; the server drives the same class as acceptor.
 * One operation at a time (asynchronous operations are not negotiated); not thread-safe.
 *
 * <pre>{@code
 * ConnectOptions o = ConnectOptions.of("pacs", 104, "CONSILIUM", "PACS").proposeVerification()
 *         .propose(UID.CTImageStorage, UID.ExplicitVRLittleEndian);
 * try (Association as = Association.connect(o)) {
 *     as.cecho();
 *     Status s = as.cstore(UID.CTImageStorage, iuid, UID.ExplicitVRLittleEndian, dataSetStream);
 *     as.release();
 * }
 * }</pre>
 */
public final class Association implements Closeable {

    private static final System.Logger LOG = System.getLogger(Association.class.getName());

    /** A DIMSE message as read: its presentation context and command set; a data set may follow. */
    public record Message(int contextId, Attributes command) {}

    private final Socket socket;
    private final BufferedInputStream input;
    private final PduReader reader;
    private final PduWriter writer;
    private final StallGuard output;
    private final PdvSource pdvs;
    private final Timeouts timeouts;
    private final Set<Integer> cancelled = new HashSet<>();
    private AssociationInfo info;
    private int nextMessageId = 1;
    private volatile boolean open = true;

    Association(Socket socket, long ownMaxPduLength, Timeouts timeouts) throws IOException {
        this.socket = socket;
        this.input = new BufferedInputStream(socket.getInputStream(), 1 << 16);
        this.reader = new PduReader(input, ownMaxPduLength);
        this.output = new StallGuard(socket.getOutputStream(), timeouts.idle(), socket);
        this.writer = new PduWriter(output);
        this.pdvs = new PdvSource(reader);
        this.timeouts = timeouts;
    }

    /** Connects, proposes the contexts of {@code options} and waits for the answer (ARTIM timeout). */
    public static Association connect(ConnectOptions options) throws IOException {
        Socket s = options.tls() != null ? options.tls().getSocketFactory().createSocket() : new Socket();
        Association as = null;
        try {
            s.setTcpNoDelay(true); // without it each C-STORE round trip stalls ~40 ms (Nagle + delayed ACK)
            s.connect(new InetSocketAddress(options.host(), options.port()), Timeouts.millis(options.timeouts().connect()));
            s.setSoTimeout(Timeouts.millis(options.timeouts().association()));
            if (s instanceof SSLSocket ssl) {
                ssl.startHandshake();
            }
            as = new Association(s, options.maxPduLength(), options.timeouts());
            as.request(options);
            return as;
        } catch (IOException | RuntimeException e) {
            if (as != null) {
                as.close(); // also stops its StallGuard watch
            }
            s.close();
            throw e;
        }
    }

    private void request(ConnectOptions o) throws IOException {
        AAssociateRq rq = new AAssociateRq(o.calledAe(), o.callingAe(), Pdu.APPLICATION_CONTEXT, o.contexts(),
                UserInformation.ours(o.maxPduLength(), o.roleSelections()));
        writer.write(rq);
        Pdu answer = reader.read();
        switch (answer) {
            case AAssociateAc ac -> info = Negotiation.requestorInfo(rq, ac, socket.getRemoteSocketAddress());
            case AAssociateRj rj -> throw new AssociationRejectedException(rj);
            case AAbort a -> throw new AssociationAbortedException("association request aborted", a);
            default -> {
                abort(AAbort.byProvider(AAbort.UNEXPECTED_PDU));
                throw new PduException("unexpected answer to A-ASSOCIATE-RQ: " + answer, AAbort.UNEXPECTED_PDU);
            }
        }
    }

    void established(AssociationInfo negotiated) {
        this.info = negotiated;
    }

    public AssociationInfo info() {
        return info;
    }

    public boolean isOpen() {
        return open;
    }

    public Timeouts timeouts() {
        return timeouts;
    }

    // ---- SCU operations ----

    /** C-ECHO (PS3.7 9.1.5) on the Verification context. */
    public Status cecho() throws IOException {
        PresentationContext pc = Negotiation.acceptedContext(info, UID.Verification, null);
        if (pc == null) {
            throw new NoPresentationContextException(UID.Verification, null);
        }
        int id = nextMessageId();
        return guarded(() -> {
            send(pc.id(), Dimse.request(Dimse.C_ECHO_RQ, id, UID.Verification, false));
            return Dimse.status(readResponse(id, timeouts.dimseResponse()));
        });
    }

    /** C-STORE of a raw data set (no File Meta) in {@code transferSyntax}; see {@link StoreScu} for files. */
    public Status cstore(String sopClass, String sopInstance, String transferSyntax, InputStream dataSet)
            throws IOException {
        return cstore(sopClass, sopInstance, transferSyntax, dataSet, null, 0);
    }

    /**
     * C-STORE as a sub-operation of a C-MOVE: names the move originator (PS3.7 9.3.1.1). A data set in
     * another uncompressed transfer syntax than the accepted context's is converted, in memory; encapsulated
     * syntaxes are sent only as they are, else {@link NoPresentationContextException}.
     */
    public Status cstore(String sopClass, String sopInstance, String transferSyntax, InputStream dataSet,
            String moveOriginatorAe, int moveOriginatorMessageId) throws IOException {
        PresentationContext pc = Negotiation.storageContext(info, sopClass, transferSyntax);
        int id = nextMessageId();
        Attributes cmd = Dimse.request(Dimse.C_STORE_RQ, id, sopClass, true);
        cmd.setInt(Tag.Priority, VR.US, Dimse.PRIORITY_MEDIUM);
        cmd.setString(Tag.AffectedSOPInstanceUID, VR.UI, sopInstance);
        if (moveOriginatorAe != null) {
            cmd.setString(Tag.MoveOriginatorApplicationEntityTitle, VR.AE, moveOriginatorAe);
            cmd.setInt(Tag.MoveOriginatorMessageID, VR.US, moveOriginatorMessageId);
        }
        return guarded(() -> {
            send(pc.id(), cmd);
            try (PDataOutputStream out = openDataStream(pc.id())) {
                if (pc.transferSyntax().equals(transferSyntax)) {
                    dataSet.transferTo(out);
                } else {
                    Transcoder.transcode(dataSet, transferSyntax, out, pc.transferSyntax());
                }
            }
            return Dimse.status(readResponse(id, timeouts.dimseResponse()));
        });
    }

    /** A-RELEASE (PS3.8 7.2): waits for A-RELEASE-RP (ARTIM timeout), answering a release collision. */
    public void release() throws IOException {
        if (!open) {
            return;
        }
        try {
            writer.write(new AReleaseRq());
            socket.setSoTimeout(Timeouts.millis(timeouts.association()));
            for (Pdu p = reader.read(); !(p instanceof AReleaseRp || p instanceof AAbort); p = reader.read()) {
                if (p instanceof AReleaseRq) {
                    writer.write(new AReleaseRp()); // PS3.8 9.2.4 release collision: requestor answers first
                }
            }
        } catch (EOFException e) {
            // peer closed after its A-RELEASE-RP or our collision answer: released
        } catch (IOException e) {
            abort(AAbort.byUser());
            throw e;
        } finally {
            close();
        }
    }

    /** A-ABORT by the service user, then close. */
    public void abort() {
        abort(AAbort.byUser());
    }

    void abort(AAbort abort) {
        if (open) {
            try {
                writer.write(abort);
            } catch (IOException e) {
                LOG.log(System.Logger.Level.DEBUG, "A-ABORT not sent: {0}", e.toString());
            }
            close();
        }
    }

    @Override
    public void close() {
        open = false;
        output.close();
        try {
            socket.close();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "close: {0}", e.toString());
        }
    }

    // ---- DIMSE message I/O, for the SCU operations above and the SCPs ----

    int nextMessageId() {
        int id = nextMessageId;
        nextMessageId = nextMessageId == 0xFFFF ? 1 : nextMessageId + 1;
        return id;
    }

    /** Sends a command; if that fails the association is closed, so callers can tell it is gone. */
    public void send(int contextId, Attributes command) throws IOException {
        try (PDataOutputStream out = new PDataOutputStream(writer, contextId, true, info.peerMaxPduLength())) {
            out.write(Dimse.encode(command));
        } catch (IOException e) {
            close();
            throw e;
        }
    }

    /** Sends a command and its data set, encoded in the context's transfer syntax. */
    public void send(int contextId, Attributes command, Attributes dataSet) throws IOException {
        send(contextId, command);
        try (PDataOutputStream out = openDataStream(contextId)) {
            Transcoder.write(dataSet, out, info.context(contextId).transferSyntax());
        } catch (IOException e) {
            close();
            throw e;
        }
    }

    Pdu readPdu() throws IOException {
        return reader.read();
    }

    void write(Pdu pdu) throws IOException {
        writer.write(pdu);
    }

    PDataOutputStream openDataStream(int contextId) {
        return new PDataOutputStream(writer, contextId, false, info.peerMaxPduLength());
    }

    /** The next message, or null if the peer released the association (answered and closed). */
    public Message readMessage(Duration timeout) throws IOException {
        socket.setSoTimeout(Timeouts.millis(timeout));
        try {
            pdvs.advance();
        } catch (UnexpectedPduException e) {
            if (e.pdu() instanceof AReleaseRq) {
                writer.write(new AReleaseRp());
                close();
                return null;
            }
            throw e;
        }
        int contextId = pdvs.contextId;
        if (!pdvs.command || info.context(contextId) == null) {
            throw new PduException((pdvs.command ? "command on unaccepted context " : "data set without command on context ")
                    + contextId, AAbort.UNEXPECTED_PDU_PARAMETER);
        }
        Attributes command = Dimse.decode(new PDataInputStream(pdvs, contextId, true, true));
        socket.setSoTimeout(Timeouts.millis(timeouts.idle()));
        return new Message(contextId, command);
    }

    /** The data set that follows {@code message}'s command. */
    public PDataInputStream dataStream(Message message) throws PduException {
        return new PDataInputStream(pdvs, message.contextId(), false, false);
    }

    /** Waits for the response to message {@code id}, noting any C-CANCEL-RQ; a data set is skipped. */
    Attributes readResponse(int id, Duration timeout) throws IOException {
        while (true) {
            Message m = readMessage(timeout);
            if (m == null) {
                throw new EOFException("peer released the association while a response was awaited");
            }
            int field = Dimse.commandField(m.command());
            if (field == Dimse.C_CANCEL_RQ) {
                cancelled.add(m.command().getInt(Tag.MessageIDBeingRespondedTo, -1));
            } else if ((field & 0x8000) != 0 && m.command().getInt(Tag.MessageIDBeingRespondedTo, -1) == id) {
                if (Dimse.hasDataSet(m.command())) {
                    dataStream(m).close();
                }
                return m.command();
            } else {
                throw new PduException(String.format("unexpected command %04X awaiting response to message %d", field, id),
                        AAbort.UNEXPECTED_PDU_PARAMETER);
            }
        }
    }

    /**
     * True if the peer sent C-CANCEL-RQ for message {@code id}. Reads only what has arrived, so a busy SCP
     * can ask between responses without blocking (PS3.7 9.3.2.3: no other request may arrive meanwhile).
     */
    public boolean cancelRequested(int id) throws IOException {
        while (open && (pdvs.hasBufferedPdv() || input.available() > 0)) {
            Message m = readMessage(timeouts.idle());
            if (m == null) {
                throw new EOFException("peer released the association during an operation");
            }
            if (Dimse.commandField(m.command()) != Dimse.C_CANCEL_RQ) {
                throw new PduException("request while another is outstanding", AAbort.UNEXPECTED_PDU_PARAMETER);
            }
            cancelled.add(m.command().getInt(Tag.MessageIDBeingRespondedTo, -1));
        }
        return cancelled.contains(id);
    }

    /** Runs one operation; on a protocol error or I/O failure the association is aborted, then the error thrown. */
    <T> T guarded(IoCall<T> call) throws IOException {
        try {
            return call.run();
        } catch (AssociationAbortedException e) {
            close();
            throw e;
        } catch (PduException e) {
            abort(AAbort.byProvider(e.abortReason()));
            throw e;
        } catch (IOException | RuntimeException e) {
            abort(AAbort.byUser());
            throw e;
        }
    }

    @FunctionalInterface
    interface IoCall<T> {
        T run() throws IOException;
    }

    @Override
    public String toString() {
        return info == null ? "Association[" + socket.getRemoteSocketAddress() + "]"
                : info.callingAe() + "->" + info.calledAe() + "@" + info.remoteAddress();
    }
}
