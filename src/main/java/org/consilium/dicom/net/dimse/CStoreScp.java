package org.consilium.dicom.net.dimse;

import java.io.IOException;
import org.consilium.dicom.dict.Tag;
import org.consilium.dicom.net.association.Association;
import org.consilium.dicom.net.association.PDataInputStream;

/**
 * Storage SCP (PS3.4 B.2.3): streams the data set of each C-STORE-RQ into the {@link StoreHandler} and
 * answers with its status. A handler failure becomes a failure status; the rest of the data set is read
 * past, so the association goes on. A broken stream from the peer ends the association.
 */
final class CStoreScp implements DimseDispatcher.DimseScp {

    private static final System.Logger LOG = System.getLogger(CStoreScp.class.getName());

    private final StoreHandler handler;

    CStoreScp(StoreHandler handler) {
        this.handler = handler;
    }

    @Override
    public void handle(Association as, Association.Message m) throws IOException {
        if (!Dimse.hasDataSet(m.command())) {
            as.send(m.contextId(), Dimse.response(m.command(), Status.of(Status.CANNOT_UNDERSTAND, "C-STORE-RQ without data set"), false));
            return;
        }
        var cmd = m.command();
        StoreRequest rq = new StoreRequest(cmd.getString(Tag.AffectedSOPClassUID), cmd.getString(Tag.AffectedSOPInstanceUID),
                as.info().context(m.contextId()).transferSyntax(), cmd.getInt(Tag.MessageID, 0),
                cmd.getInt(Tag.Priority, Dimse.PRIORITY_MEDIUM), cmd.getString(Tag.MoveOriginatorApplicationEntityTitle),
                cmd.getInt(Tag.MoveOriginatorMessageID, 0));
        Status status;
        try (PDataInputStream data = as.dataStream(m)) {
            try {
                status = handler.store(as.info(), rq, data);
                if (status == null) {
                    status = Status.of(Status.CANNOT_UNDERSTAND, "store handler returned no status");
                }
            } catch (Exception e) {
                if (data.failure() != null) {
                    throw data.failure(); // the peer's stream broke: no response possible
                }
                LOG.log(System.Logger.Level.WARNING, "C-STORE of " + rq.sopInstanceUid() + " failed", e);
                status = Status.of(e instanceof IOException ? Status.OUT_OF_RESOURCES : Status.CANNOT_UNDERSTAND,
                        String.valueOf(e.getMessage()));
            }
        }
        as.send(m.contextId(), Dimse.response(cmd, status, false));
    }
}
