package org.consilium.dicom.net.dimse;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.concurrent.Callable;
import org.consilium.dicom.DicomException;
import org.consilium.dicom.data.Attributes;
import org.consilium.dicom.dict.Tag;
import org.consilium.dicom.io.DicomReader;
import org.consilium.dicom.net.association.Association;
import org.consilium.dicom.net.association.PDataInputStream;

/** What the C-FIND, C-MOVE and C-GET SCPs share (PS3.4 C.4): reading the identifier, calling the handler. */
abstract class QueryRetrieveScp implements DimseDispatcher.DimseScp {

    private static final System.Logger LOG = System.getLogger(QueryRetrieveScp.class.getName());

    /** Identifiers are a few keys; a larger one is refused rather than held in memory. */
    static final int MAX_IDENTIFIER = 1 << 20;

    /** The request's identifier, or null after a failure response has been sent. */
    static Attributes readIdentifier(Association as, Association.Message m) throws IOException {
        if (!Dimse.hasDataSet(m.command())) {
            as.send(m.contextId(), Dimse.response(m.command(), Status.of(Status.CANNOT_UNDERSTAND, "no identifier"), false));
            return null;
        }
        byte[] bytes;
        try (PDataInputStream in = as.dataStream(m)) {
            bytes = in.readNBytes(MAX_IDENTIFIER + 1);
        }
        Status refusal;
        if (bytes.length > MAX_IDENTIFIER) {
            refusal = Status.of(Status.OUT_OF_RESOURCES, "identifier longer than " + MAX_IDENTIFIER + " bytes");
        } else {
            try {
                return new DicomReader(DicomReader.Options.IN_MEMORY).readDataset(new ByteArrayInputStream(bytes),
                        as.info().context(m.contextId()).transferSyntax());
            } catch (DicomException e) {
                refusal = Status.of(Status.CANNOT_UNDERSTAND, e.getMessage());
            }
        }
        as.send(m.contextId(), Dimse.response(m.command(), refusal, false));
        return null;
    }

    /**
     * Runs the handler. Its exception becomes 0xC000 with the message, unless the association broke
     * meanwhile, in which case no response can be sent and the error goes up.
     */
    static Status call(Association as, Callable<Status> handler) throws IOException {
        try {
            Status s = handler.call();
            return s != null ? s : Status.of(Status.CANNOT_UNDERSTAND, "handler returned no status");
        } catch (Exception e) {
            if (!as.isOpen()) {
                throw e instanceof IOException io ? io : new IOException(e);
            }
            LOG.log(System.Logger.Level.WARNING, "query/retrieve handler failed on " + as, e);
            return Status.of(Status.CANNOT_UNDERSTAND, String.valueOf(e.getMessage()));
        }
    }

    static RetrieveRequest retrieveRequest(Attributes cmd) {
        return new RetrieveRequest(cmd.getString(Tag.AffectedSOPClassUID), cmd.getInt(Tag.MessageID, 0),
                cmd.getInt(Tag.Priority, Dimse.PRIORITY_MEDIUM), cmd.getString(Tag.MoveDestination));
    }
}
