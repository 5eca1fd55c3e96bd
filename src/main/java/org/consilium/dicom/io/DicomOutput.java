package org.consilium.dicom.io;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;

/**
 * A buffered sink that writes 16- and 32-bit numbers in the transfer syntax's byte order. The buffer starts
 * at 1 KiB and doubles up to 64 KiB before it is ever flushed: most writes are DIMSE commands and File
 * Meta of a few hundred bytes, two per stored instance, and a 64 KiB buffer for each of those was 128 KiB
 * of garbage per C-STORE.
 */
final class DicomOutput {

    private static final int FIRST_BUFFER = 1 << 10;
    private static final int MAX_BUFFER = 1 << 16;

    private final OutputStream out;
    private byte[] buf = new byte[FIRST_BUFFER];
    private int len;
    private boolean bigEndian;

    DicomOutput(OutputStream out) {
        this.out = out;
    }

    void bigEndian(boolean bigEndian) {
        this.bigEndian = bigEndian;
    }

    boolean bigEndian() {
        return bigEndian;
    }

    void writeShort(int v) throws IOException {
        room(2);
        if (bigEndian) {
            buf[len++] = (byte) (v >> 8);
            buf[len++] = (byte) v;
        } else {
            buf[len++] = (byte) v;
            buf[len++] = (byte) (v >> 8);
        }
    }

    void writeInt(int v) throws IOException {
        if (bigEndian) {
            writeShort(v >>> 16);
            writeShort(v);
        } else {
            writeShort(v);
            writeShort(v >>> 16);
        }
    }

    void writeTag(int tag) throws IOException {
        writeShort(tag >>> 16);
        writeShort(tag);
    }

    /** Two ASCII characters, not a number: the same bytes in either byte order. */
    void writeVR(int code) throws IOException {
        room(2);
        buf[len++] = (byte) (code >> 8);
        buf[len++] = (byte) code;
    }

    void write(int b) throws IOException {
        room(1);
        buf[len++] = (byte) b;
    }

    void write(byte[] b, int off, int n) throws IOException {
        if (n > buf.length - len) {
            grow(len + n);
        }
        if (n > buf.length - len) {
            flushBuffer();
            if (n > buf.length) {
                out.write(b, off, n);
                return;
            }
        }
        System.arraycopy(b, off, buf, len, n);
        len += n;
    }

    /** Writes the buffered bytes to the underlying stream (without flushing it). */
    void flushBuffer() throws IOException {
        out.write(buf, 0, len);
        len = 0;
    }

    private void room(int n) throws IOException {
        if (buf.length - len < n) {
            grow(len + n);
            if (buf.length - len < n) {
                flushBuffer();
            }
        }
    }

    /** Doubles the buffer towards {@code needed}, up to {@value #MAX_BUFFER} bytes. */
    private void grow(int needed) {
        int size = buf.length;
        while (size < needed && size < MAX_BUFFER) {
            size <<= 1;
        }
        if (size != buf.length) {
            buf = Arrays.copyOf(buf, size);
        }
    }
}
