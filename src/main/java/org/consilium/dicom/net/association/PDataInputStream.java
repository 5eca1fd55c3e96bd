package org.consilium.dicom.net.association;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.consilium.dicom.net.pdu.AAbort;
import org.consilium.dicom.net.pdu.PduException;

/**
 * The command or data set of one DIMSE message, read across PDV fragments and P-DATA-TF PDUs (PS3.8 E.2) as
 * they arrive: nothing is buffered beyond the PDU being read. End of stream is the PDV marked last. Closing
 * the stream reads past what is left of the message, so the association can go on.
 *
 * <pre>{@code
 * // in a StoreHandler: the data set goes from the socket straight into a file
 * try (OutputStream file = Files.newOutputStream(tmp)) {
 *     dataSet.transferTo(file);
 * }
 * }</pre>
 */
public final class PDataInputStream extends InputStream {

    private final PdvSource source;
    private final int contextId;
    private final boolean command;
    private boolean started;
    private boolean last;
    private long count;
    private IOException failure;

    /** @param atFirstPdv true if {@code source} is already on the message's first PDV */
    public PDataInputStream(PdvSource source, int contextId, boolean command, boolean atFirstPdv) throws PduException {
        this.source = source;
        this.contextId = contextId;
        this.command = command;
        if (atFirstPdv) {
            started = true;
            check();
        }
    }

    /** Bytes read so far. */
    public long count() {
        return count;
    }

    /** The error this stream met reading from the association, if any: the association is then unusable. */
    public IOException failure() {
        return failure;
    }

    /** True when the whole message part has been read. */
    public boolean finished() {
        return started && last && source.position == source.end;
    }

    @Override
    public int read() throws IOException {
        if (!fill()) {
            return -1;
        }
        count++;
        return source.buffer()[source.position++] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (!fill()) {
            return -1;
        }
        int n = Math.min(len, source.end - source.position);
        System.arraycopy(source.buffer(), source.position, b, off, n);
        source.position += n;
        count += n;
        return n;
    }

    /** Writes each PDV's bytes straight from the PDU buffer: no intermediate buffer, one copy less. */
    @Override
    public long transferTo(OutputStream out) throws IOException {
        long total = 0;
        while (fill()) {
            int n = source.end - source.position;
            out.write(source.buffer(), source.position, n);
            source.position = source.end;
            count += n;
            total += n;
        }
        return total;
    }

    @Override
    public int available() {
        return started ? source.end - source.position : 0;
    }

    @Override
    public void close() throws IOException {
        while (fill()) {
            count += source.end - source.position;
            source.position = source.end;
        }
    }

    private boolean fill() throws IOException {
        if (failure != null) {
            throw failure;
        }
        try {
            while (!started || source.position == source.end) {
                if (started && last) {
                    return false;
                }
                source.advance();
                started = true;
                check();
            }
            return true;
        } catch (IOException e) {
            failure = e;
            throw e;
        }
    }

    private void check() throws PduException {
        if (source.contextId != contextId || source.command != command) {
            throw new PduException("PDV for context " + source.contextId + (source.command ? " (command)" : " (data)")
                    + " inside a message on context " + contextId + (command ? " (command)" : " (data)"),
                    AAbort.UNEXPECTED_PDU_PARAMETER);
        }
        last = source.last;
    }
}
