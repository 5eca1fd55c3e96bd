package org.consilium.dicom.net.dimse;

import java.io.IOException;
import org.consilium.dicom.data.Attributes;
import org.consilium.dicom.net.association.Association;

/**
 * Retrieve SCP with C-GET (PS3.4 C.4.3): the {@link GetHandler} sends the instances back on this association
 * through {@link GetResponder}, as C-STORE sub-operations, then the final C-GET-RSP is sent.
 */
final class CGetScp extends QueryRetrieveScp {

    private final GetHandler handler;

    CGetScp(GetHandler handler) {
        this.handler = handler;
    }

    @Override
    public void handle(Association as, Association.Message m) throws IOException {
        Attributes keys = readIdentifier(as, m);
        if (keys != null) {
            GetResponder out = new GetResponder(as, m);
            out.finish(call(as, () -> handler.get(as.info(), retrieveRequest(m.command()), keys, out)));
        }
    }
}
