package org.consilium.dicom.io;

import java.io.IOException;
import java.io.OutputStream;

/** A buffered sink that writes 16- and 32-bit numbers in the transfer syntax's byte order. */
final class DicomOutput {

    private final OutputStream out;
    private final byte[] buf = new byte[1 << 16];
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
            flushBuffer();
        }
    }
}
