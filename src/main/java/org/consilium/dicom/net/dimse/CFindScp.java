package org.consilium.dicom.net.dimse;

import java.io.IOException;
import org.consilium.dicom.data.Attributes;
import org.consilium.dicom.dict.Tag;
import org.consilium.dicom.net.association.Association;

/**
 * Query SCP (PS3.4 C.4.1) for Patient Root and Study Root: a pending C-FIND-RSP per match the
 * {@link FindHandler} sends, a check for C-CANCEL-RQ before each, then the final response.
 */
final class CFindScp extends QueryRetrieveScp {

    private final FindHandler handler;

    CFindScp(FindHandler handler) {
        this.handler = handler;
    }

    @Override
    public void handle(Association as, Association.Message m) throws IOException {
        Attributes keys = readIdentifier(as, m);
        if (keys == null) {
            return;
        }
        Attributes cmd = m.command();
        int id = cmd.getInt(Tag.MessageID, 0);
        FindRequest rq = new FindRequest(cmd.getString(Tag.AffectedSOPClassUID), id,
                cmd.getInt(Tag.Priority, Dimse.PRIORITY_MEDIUM));
        String[] charset = keys.getStrings(Tag.SpecificCharacterSet);
        boolean[] cancelled = {false};
        FindResponder responder = match -> {
            if (cancelled[0] || as.cancelRequested(id)) {
                cancelled[0] = true;
                return false;
            }
            as.send(m.contextId(), Dimse.response(cmd, Status.of(Status.PENDING), true), ResponseCharset.recode(match, charset));
            return true;
        };
        Status status = call(as, () -> handler.find(as.info(), rq, keys, responder));
        if (cancelled[0] || as.cancelRequested(id)) {
            status = Status.of(Status.CANCEL);
        }
        as.send(m.contextId(), Dimse.response(cmd, status, false));
    }
}
