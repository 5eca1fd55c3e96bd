package org.consilium.dicom.net.dimse;

import java.io.IOException;
import org.consilium.dicom.dict.Tag;
import org.consilium.dicom.net.association.Association;
import org.consilium.dicom.net.association.DicomServer;
import org.consilium.dicom.net.pdu.AAbort;
import org.consilium.dicom.net.pdu.PduException;

/**
 * The acceptor's DIMSE loop (PS3.7 9.1): reads one request at a time and hands it to the SCP of its
 * command field, until the peer releases or aborts. A request for a service we do not offer is answered
 * with a failure status; a response where a request belongs is a protocol error.
 */
public final class DimseDispatcher {

    private static final System.Logger LOG = System.getLogger(DimseDispatcher.class.getName());

    private final DicomServer.Builder config;
    private final CStoreScp store;
    private final CFindScp find;
    private final CMoveScp move;
    private final CGetScp get;

    public DimseDispatcher(DicomServer.Builder config) {
        this.config = config;
        this.store = config.storeHandler == null ? null : new CStoreScp(config.storeHandler);
        this.find = config.findHandler == null ? null : new CFindScp(config.findHandler);
        this.move = config.moveHandler == null ? null : new CMoveScp(config.moveHandler);
        this.get = config.getHandler == null ? null : new CGetScp(config.getHandler);
    }

    public void serve(Association as) throws IOException {
        while (true) {
            Association.Message m = as.readMessage(config.timeouts.idle());
            if (m == null) {
                LOG.log(System.Logger.Level.DEBUG, "released {0}", as);
                return;
            }
            int field = Dimse.commandField(m.command());
            switch (field) {
                case Dimse.C_ECHO_RQ -> CEchoScp.echo(as, m);
                case Dimse.C_STORE_RQ -> dispatch(as, m, store);
                case Dimse.C_FIND_RQ -> dispatch(as, m, find);
                case Dimse.C_MOVE_RQ -> dispatch(as, m, move);
                case Dimse.C_GET_RQ -> dispatch(as, m, get);
                case Dimse.C_CANCEL_RQ -> { } // for an operation already finished: nothing to do
                default -> {
                    if ((field & 0x8000) != 0) {
                        throw new PduException(String.format("unexpected response %04X", field), AAbort.UNEXPECTED_PDU_PARAMETER);
                    }
                    refuse(as, m, Status.of(Status.UNRECOGNIZED_OPERATION, String.format("command %04X not supported", field)));
                }
            }
        }
    }

    private static void dispatch(Association as, Association.Message m, DimseScp scp) throws IOException {
        String requested = m.command().getString(Tag.AffectedSOPClassUID);
        String negotiated = as.info().context(m.contextId()).abstractSyntax();
        if (scp == null) {
            refuse(as, m, Status.of(Status.SOP_CLASS_NOT_SUPPORTED, "service not offered"));
        } else if (Dimse.commandField(m.command()) != Dimse.C_STORE_RQ && !negotiated.equals(requested)) {
            refuse(as, m, Status.of(Status.SOP_CLASS_NOT_SUPPORTED, "SOP class differs from the presentation context"));
        } else {
            scp.handle(as, m);
        }
    }

    private static void refuse(Association as, Association.Message m, Status status) throws IOException {
        if (Dimse.hasDataSet(m.command())) {
            as.dataStream(m).close();
        }
        as.send(m.contextId(), Dimse.response(m.command(), status, false));
    }

    /** One service class provider: answers one request, reading its data set if any. */
    interface DimseScp {
        void handle(Association as, Association.Message request) throws IOException;
    }
}
