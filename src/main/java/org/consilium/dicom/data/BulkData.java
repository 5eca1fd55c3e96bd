package org.consilium.dicom.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A value left in its file: where it is, not what it is. The reader makes these for values above its
 * bulk data threshold so that a 200 MB Pixel Data never enters the heap.
 *
 * @param bigEndian the value's byte order in the file (Explicit VR Big Endian); binary values in
 *                  {@link Attributes} are otherwise little endian
 */
public record BulkData(Path file, long offset, long length, boolean bigEndian) {

    /** Streams the value's bytes as they are in the file. */
    public InputStream openStream() throws IOException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
        channel.position(offset);
        return new java.io.FilterInputStream(Channels.newInputStream(channel)) {
            private long remaining = length;

            @Override
            public int read() throws IOException {
                if (remaining <= 0) {
                    return -1;
                }
                int b = super.read();
                remaining -= b < 0 ? 0 : 1;
                return b;
            }

            @Override
            public int read(byte[] buf, int off, int len) throws IOException {
                if (remaining <= 0) {
                    return -1;
                }
                int n = super.read(buf, off, (int) Math.min(len, remaining));
                remaining -= Math.max(n, 0);
                return n;
            }
        };
    }

    /** Loads the value; refuses values that do not fit in an array. */
    public byte[] readBytes() throws IOException {
        if (length > Integer.MAX_VALUE - 8) {
            throw new IOException("bulk data of " + length + " bytes does not fit in memory; stream it");
        }
        try (InputStream in = openStream()) {
            return in.readNBytes((int) length);
        }
    }
}
