package org.consilium.archive;

import com.sun.nio.file.ExtendedOpenOption;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.consilium.archive.store.DirectFileOutput;
import org.consilium.archive.store.HeadThenFile;

/**
 * Bytes being written to a temporary file in the blob store, hashed as they go; with direct I/O (see
 * {@link DirectFileOutput}) they bypass the page cache. The first {@value #HEAD_BYTES} are also kept in
 * memory, for parsing the header without reading the file back. Not visible to any reader until committed. Closing without committing deletes it.
 */
public final class StagedBlob implements AutoCloseable {

    private final Path file;
    private final FileChannel channel;
    private final MessageDigest digest;
    private final CountingOutput output;
    /** The direct-I/O sink, or null when the bytes go through the page cache. */
    private final DirectFileOutput direct;
    private boolean sealed;
    private String key;

    /**
     * @param directAlignment block size for {@code O_DIRECT} writes, or 0 to write through the page cache
     *                        (file systems without direct I/O, such as some tmpfs)
     */
    public StagedBlob(Path file, int directAlignment) throws IOException {
        this.file = file;
        this.channel = directAlignment > 0
                ? FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                        ExtendedOpenOption.DIRECT)
                : FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        this.digest = sha256();
        this.direct = directAlignment > 0 ? new DirectFileOutput(channel, directAlignment, digest) : null;
        this.output = new CountingOutput(direct != null ? direct : new DigestOutputStream(
                new java.io.BufferedOutputStream(java.nio.channels.Channels.newOutputStream(channel), 1 << 16), digest));
    }

    /** Where the bytes go. Do not close it; close the staged blob instead. */
    public OutputStream output() {
        return output;
    }

    /** The staged file, for parsing the header before committing. Readable after {@link #seal()}. */
    public Path file() {
        return file;
    }

    /**
     * The staged bytes, after {@link #seal()}: the first {@value #HEAD_BYTES} from memory, where a header
     * almost always ends, then the file. Spares a read from disk, which direct writes leave uncached.
     */
    public InputStream content() throws IOException {
        return new HeadThenFile(output.head, (int) Math.min(output.count, HEAD_BYTES), file, output.count);
    }

    public long size() {
        return output.count;
    }

    /** Ends writing (see {@link #seal()}) and returns the SHA-256 of the content, hex. */
    public String key() throws IOException {
        if (key == null) {
            seal();
            key = HexFormat.of().formatHex(digest.digest());
        }
        return key;
    }

    /** A fresh SHA-256, the hash that names blobs. */
    public static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /**
     * Ends writing so that the file can be read (to parse its header) before it is made durable. The
     * SHA-256 was computed as the bytes went by; {@link BlobStore#commit} renames and fsyncs.
     */
    public void seal() throws IOException {
        if (sealed) {
            return;
        }
        output.flush();
        if (direct != null) {
            direct.close();
        }
        sealed = true;
    }

    @Override
    public void close() throws IOException {
        if (direct != null && !sealed) {
            direct.abandon();
        }
        if (channel.isOpen()) {
            channel.close();
        }
        Files.deleteIfExists(file);
    }

    /** How much of the start is also kept in memory, for {@link #content()}. */
    public static final int HEAD_BYTES = 64 * 1024;

    private static final class CountingOutput extends java.io.FilterOutputStream {
        long count;
        final byte[] head = new byte[HEAD_BYTES];

        CountingOutput(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            if (count < HEAD_BYTES) {
                head[(int) count] = (byte) b;
            }
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            if (count < HEAD_BYTES) {
                System.arraycopy(b, off, head, (int) count, (int) Math.min(len, HEAD_BYTES - count));
            }
            count += len;
        }

        @Override
        public void close() {
            // the staged blob owns the channel
        }
    }
}
