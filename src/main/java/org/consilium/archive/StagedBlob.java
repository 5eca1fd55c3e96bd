package org.consilium.archive;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Bytes being written to a temporary file in the blob store, hashed as they go. Not visible to any
 * reader until committed. Closing without committing deletes it.
 */
public final class StagedBlob implements AutoCloseable {

    private final Path file;
    private final FileChannel channel;
    private final MessageDigest digest;
    private final CountingOutput output;
    private String key;

    StagedBlob(Path file) throws IOException {
        this.file = file;
        this.channel = FileChannel.open(file, java.nio.file.StandardOpenOption.CREATE_NEW,
                java.nio.file.StandardOpenOption.WRITE);
        try {
            this.digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
        this.output = new CountingOutput(new DigestOutputStream(
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

    public long size() {
        return output.count;
    }

    /** Flushes and fsyncs (once, whatever came before); returns the SHA-256 of the content, hex. */
    String finish() throws IOException {
        if (key == null) {
            output.flush();
            channel.force(true);
            channel.close();
            key = HexFormat.of().formatHex(digest.digest());
        }
        return key;
    }

    /**
     * Ends writing so that the file can be read (to parse its header) before it is made durable. The
     * SHA-256 was computed as the bytes went by; {@link BlobStore#commit} fsyncs and renames.
     */
    public void seal() throws IOException {
        output.flush();
    }

    @Override
    public void close() throws IOException {
        if (channel.isOpen()) {
            channel.close();
        }
        Files.deleteIfExists(file);
    }

    private static final class CountingOutput extends java.io.FilterOutputStream {
        long count;

        CountingOutput(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }

        @Override
        public void close() {
            // the staged blob owns the channel
        }
    }
}
