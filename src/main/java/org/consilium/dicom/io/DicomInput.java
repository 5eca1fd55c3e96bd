package org.consilium.dicom.io;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.util.Arrays;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import org.consilium.dicom.TruncatedDicomException;

/**
 * A buffered byte source that knows its position and, for files, how many bytes remain, so that no
 * length read from the stream is trusted before it is checked. Values longer than {@link #CHUNK} are
 * read in chunks, so an unbounded stream with a corrupt length costs no more memory than it delivers.
 */
final class DicomInput {

    static final int CHUNK = 1 << 20;
    private static final int BUFFER = 1 << 13;

    private InputStream in;
    private byte[] buf = new byte[BUFFER];
    private int pos;
    private int len;
    private long bufStart; // stream offset of buf[0]
    private long size; // total stream size, or -1 when unknown
    private boolean bigEndian;

    DicomInput(InputStream in, long size) {
        this.in = in;
        this.size = size;
    }

    long position() {
        return bufStart + pos;
    }

    /** Bytes left before the end of the stream, or Long.MAX_VALUE when unknown. */
    long remaining() {
        return size < 0 ? Long.MAX_VALUE : size - position();
    }

    boolean knowsSize() {
        return size >= 0;
    }

    void bigEndian(boolean bigEndian) {
        this.bigEndian = bigEndian;
    }

    boolean bigEndian() {
        return bigEndian;
    }

    /** Makes n bytes (n at most the buffer size) available; false if the stream ends first. */
    boolean ensure(int n) throws IOException {
        if (len - pos >= n) {
            return true;
        }
        if (pos > 0) {
            System.arraycopy(buf, pos, buf, 0, len - pos);
            bufStart += pos;
            len -= pos;
            pos = 0;
        }
        if (buf.length < n) {
            buf = Arrays.copyOf(buf, n);
        }
        while (len < n) {
            int r = in.read(buf, len, buf.length - len);
            if (r < 0) {
                return false;
            }
            len += r;
        }
        return true;
    }

    /** Byte at {@code ahead} bytes from the position; call {@link #ensure} first. */
    int peek(int ahead) {
        return buf[pos + ahead] & 0xFF;
    }

    int available() {
        return len - pos;
    }

    int readUShort(int tag) throws IOException, TruncatedDicomException {
        require(2, tag);
        int a = buf[pos++] & 0xFF;
        int b = buf[pos++] & 0xFF;
        return bigEndian ? a << 8 | b : b << 8 | a;
    }

    int readInt(int tag) throws IOException, TruncatedDicomException {
        require(4, tag);
        int a = buf[pos++] & 0xFF;
        int b = buf[pos++] & 0xFF;
        int c = buf[pos++] & 0xFF;
        int d = buf[pos++] & 0xFF;
        return bigEndian ? a << 24 | b << 16 | c << 8 | d : d << 24 | c << 16 | b << 8 | a;
    }

    /** A tag as group &lt;&lt; 16 | element, in the current byte order. */
    int readTag(int context) throws IOException, TruncatedDicomException {
        int group = readUShort(context);
        return group << 16 | readUShort(context);
    }

    /** Reads a value of {@code length} bytes; the length is checked against the stream before allocating. */
    byte[] readBytes(long length, int tag) throws IOException, TruncatedDicomException {
        if (length > remaining() || length > Integer.MAX_VALUE - 8) {
            throw new TruncatedDicomException("value length " + length + " exceeds the " + remaining()
                    + " bytes left", tag, position());
        }
        long start = position();
        int n = (int) length;
        byte[] out = new byte[Math.min(n, CHUNK)];
        int filled = Math.min(out.length, len - pos);
        System.arraycopy(buf, pos, out, 0, filled);
        pos += filled;
        while (filled < n) { // the buffer is drained: read straight into the value
            if (filled == out.length) {
                out = Arrays.copyOf(out, (int) Math.min(n, (long) out.length * 2));
            }
            int r = in.read(out, filled, out.length - filled);
            if (r < 0) {
                throw new TruncatedDicomException("stream ends " + filled + " bytes into a value of " + length
                        + " bytes", tag, start);
            }
            filled += r;
            bufStart += r;
        }
        return out;
    }

    void skip(long length, int tag) throws IOException, TruncatedDicomException {
        if (length > remaining()) {
            throw new TruncatedDicomException("value length " + length + " exceeds the " + remaining()
                    + " bytes left", tag, position());
        }
        long inBuffer = Math.min(length, len - pos);
        pos += (int) inBuffer;
        long left = length - inBuffer;
        while (left > 0) {
            long s = in.skip(left);
            if (s <= 0) {
                if (in.read() < 0) {
                    throw new TruncatedDicomException("stream ends inside a skipped value", tag, position());
                }
                s = 1;
            }
            left -= s;
            bufStart += s;
        }
    }

    /**
     * From here on, reads inflate the rest of the stream (Deflated Explicit VR Little Endian, PS3.5 A.5).
     * Positions keep counting in inflated bytes; the stream size becomes unknown.
     */
    void inflateRest() throws IOException {
        InputStream rest = new SequenceInputStream(new ByteArrayInputStream(buf, pos, len - pos), in);
        // A raw deflate stream per the standard; some writers add a zlib header (78 xx), accept both.
        java.io.PushbackInputStream peek = new java.io.PushbackInputStream(rest, 2);
        byte[] head = peek.readNBytes(2);
        peek.unread(head);
        boolean zlib = head.length == 2 && (head[0] & 0x0F) == 8 && ((head[0] & 0xFF) << 8 | head[1] & 0xFF) % 31 == 0;
        in = new InflaterInputStream(peek, new Inflater(!zlib), 1 << 14);
        bufStart += pos;
        pos = 0;
        len = 0;
        size = -1;
    }

    private void require(int n, int tag) throws IOException, TruncatedDicomException {
        if (len - pos < n && !ensure(n)) {
            throw new TruncatedDicomException("stream ends inside an element header", tag, position());
        }
    }
}
