package org.consilium.dicom.net.association;

import java.io.IOException;
import org.consilium.dicom.net.pdu.AAbort;
import org.consilium.dicom.net.pdu.PDataTf;
import org.consilium.dicom.net.pdu.Pdu;
import org.consilium.dicom.net.pdu.PduReader;
import org.consilium.dicom.net.pdu.UnexpectedPduException;

/**
 * The PDV items of successive P-DATA-TF PDUs, one at a time; the value of the current one is
 * {@code buffer()[position() .. end()]}. Shared by the command and data streams of a message, since one PDU
 * may carry the end of the command and the start of the data set.
 */
public final class PdvSource {

    private final PduReader reader;
    private PDataTf pdu;
    private int next;

    int contextId;
    boolean command;
    boolean last;
    int position;
    int end;

    public PdvSource(PduReader reader) {
        this.reader = reader;
    }

    byte[] buffer() {
        return pdu.buffer();
    }

    /** Moves to the next PDV, reading a PDU if the current one is used up. A-ABORT and other PDUs are thrown. */
    void advance() throws IOException {
        while (pdu == null || next >= pdu.length()) {
            Pdu p = reader.read();
            if (p instanceof PDataTf t) {
                pdu = t;
                next = 0;
            } else if (p instanceof AAbort a) {
                throw new AssociationAbortedException("peer aborted the association", a);
            } else {
                throw new UnexpectedPduException(p);
            }
        }
        byte[] b = pdu.buffer();
        int itemLength = (b[next] & 0xFF) << 24 | (b[next + 1] & 0xFF) << 16 | (b[next + 2] & 0xFF) << 8 | b[next + 3] & 0xFF;
        contextId = b[next + 4] & 0xFF;
        command = (b[next + 5] & 1) != 0;
        last = (b[next + 5] & 2) != 0;
        position = next + 6;
        end = next + 4 + itemLength; // PduReader checked the item lies within the PDU
        next = end;
    }

    /** True if a PDV is left in the PDU already read, so that reading it will not block. */
    boolean hasBufferedPdv() {
        return pdu != null && next < pdu.length();
    }
}
