package org.consilium.archive.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A file's bytes, the first {@code headLength} of them from memory and the rest from the file, which is
 * opened only if a reader gets that far. {@link #skip} moves without reading, so a parser that steps over
 * pixel data never touches them.
 */
public final class HeadThenFile extends InputStream {

    private final byte[] head;
    private final int headLength;
    private final Path file;
    private final long size;
    private long position;
    private FileChannel channel;

    public HeadThenFile(byte[] head, int headLength, Path file, long size) {
        this.head = head;
        this.headLength = headLength;
        this.file = file;
        this.size = size;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        java.util.Objects.checkFromIndexSize(off, len, b.length);
        if (len == 0) {
            return 0;
        }
        if (position >= size) {
            return -1;
        }
        if (position < headLength) {
            int n = (int) Math.min(len, headLength - position);
            System.arraycopy(head, (int) position, b, off, n);
            position += n;
            return n;
        }
        if (channel == null) {
            channel = FileChannel.open(file, StandardOpenOption.READ);
        }
        int n = channel.read(ByteBuffer.wrap(b, off, (int) Math.min(len, size - position)), position);
        if (n > 0) {
            position += n;
        }
        return n;
    }

    @Override
    public long skip(long n) {
        long skipped = Math.max(0, Math.min(n, size - position));
        position += skipped;
        return skipped;
    }

    @Override
    public int available() {
        return (int) Math.max(0, Math.min(Integer.MAX_VALUE, Math.min(headLength, size) - position));
    }

    @Override
    public void close() throws IOException {
        if (channel != null) {
            channel.close();
        }
    }
}
