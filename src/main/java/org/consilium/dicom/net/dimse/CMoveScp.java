package org.consilium.dicom.net.dimse;

import java.io.IOException;
import org.consilium.dicom.data.Attributes;
import org.consilium.dicom.net.association.Association;

/**
 * Retrieve SCP with C-MOVE (PS3.4 C.4.2): the {@link MoveHandler} sends the instances to the destination on
 * an association of its own and reports each to {@link SubOperations}, which sends pending C-MOVE-RSPs and
 * the final one.
 */
final class CMoveScp extends QueryRetrieveScp {

    private final MoveHandler handler;

    CMoveScp(MoveHandler handler) {
        this.handler = handler;
    }

    @Override
    public void handle(Association as, Association.Message m) throws IOException {
        Attributes keys = readIdentifier(as, m);
        if (keys != null) {
            SubOperations progress = new SubOperations(as, m);
            progress.finish(call(as, () -> handler.move(as.info(), retrieveRequest(m.command()), keys, progress)));
        }
    }
}
