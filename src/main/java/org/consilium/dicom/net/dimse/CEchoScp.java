package org.consilium.dicom.net.dimse;

import java.io.IOException;
import org.consilium.dicom.net.association.Association;

/** Verification SOP class SCP (PS3.4 A, PS3.7 9.1.5): answers C-ECHO-RQ with success. */
final class CEchoScp {

    private CEchoScp() {}

    static void echo(Association as, Association.Message request) throws IOException {
        if (Dimse.hasDataSet(request.command())) {
            as.dataStream(request).close();
        }
        as.send(request.contextId(), Dimse.response(request.command(), Status.OK, false));
    }
}
