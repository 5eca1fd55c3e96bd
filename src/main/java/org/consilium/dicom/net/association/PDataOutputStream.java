package org.consilium.dicom.net.association;

import java.io.IOException;
import java.io.OutputStream;
import org.consilium.dicom.net.pdu.PduWriter;

/**
 * Writes the command or data set of one DIMSE message as PDVs, each in its own P-DATA-TF no longer than the
 * peer's Maximum Length (PS3.8 9.3.5: the limit counts the PDV items, not the 6-byte PDU header). Values
 * are split at even lengths. {@link #close()} sends the PDV marked last; it does not close the socket.
 *
 * <pre>{@code
 * try (OutputStream out = association.openDataStream(contextId)) {
 *     Files.copy(dataSetFile, out);
 * }
 * }</pre>
 */
public final class PDataOutputStream extends OutputStream {

    /** Fragment size used when the peer sets no limit (Maximum Length 0). */
    static final int UNLIMITED_FRAGMENT = 1 << 20;

    private final PduWriter writer;
    private final int contextId;
    private final boolean command;
    private final byte[] buf;
    private final int capacity;
    private int count;
    private boolean closed;

    public PDataOutputStream(PduWriter writer, int contextId, boolean command, long peerMaxPduLength) {
        this.writer = writer;
        this.contextId = contextId;
        this.command = command;
        long fit = peerMaxPduLength == 0 ? UNLIMITED_FRAGMENT : Math.min(UNLIMITED_FRAGMENT, peerMaxPduLength - 6);
        this.capacity = (int) Math.max(2, fit) & ~1;
        this.buf = new byte[PduWriter.PDATA_HEADER + capacity];
    }

    @Override
    public void write(int b) throws IOException {
        if (count == capacity) {
            send(false);
        }
        buf[PduWriter.PDATA_HEADER + count++] = (byte) b;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        while (len > 0) {
            if (count == capacity) {
                send(false); // only when more follows, so the last PDV is never empty
            }
            int n = Math.min(len, capacity - count);
            System.arraycopy(b, off, buf, PduWriter.PDATA_HEADER + count, n);
            count += n;
            off += n;
            len -= n;
        }
    }

    @Override
    public void close() throws IOException {
        if (!closed) {
            closed = true;
            send(true);
        }
    }

    private void send(boolean last) throws IOException {
        if (closed && !last) {
            throw new IOException("P-DATA stream closed");
        }
        writer.writePData(buf, count, contextId, command, last);
        count = 0;
    }
}
