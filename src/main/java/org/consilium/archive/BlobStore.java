package org.consilium.archive;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.stream.Stream;

/**
 * Content-addressed storage of instance files. Writers stage bytes, then commit them under their
 * SHA-256; a committed blob is durable (renamed, then file and directory fsynced) and never changes.
 * Kept small so that an S3-compatible store can implement it later.
 */
public interface BlobStore {

    /** Starts a new staged blob; write to {@link StagedBlob#output()}, then {@link #commit} or discard. */
    StagedBlob stage() throws IOException;

    /** Makes the staged bytes durable under their content hash and returns the key. */
    String commit(StagedBlob staged) throws IOException;

    InputStream open(String key) throws IOException;

    /** A local file for the blob, for readers that need random access (frames, bulk data). */
    Path path(String key);

    boolean exists(String key);

    /**
     * Keys of the blobs committed before {@code cutoff}, for {@code BlobSweeper}; the caller closes the
     * stream. A blob committed since may or may not be listed.
     */
    Stream<String> keysCommittedBefore(Instant cutoff) throws IOException;

    /**
     * Removes a blob that nothing references any more, unless it was committed again at or after
     * {@code cutoff} (identical bytes sent again); false then, and for a key already gone.
     */
    boolean deleteIfCommittedBefore(String key, Instant cutoff) throws IOException;
}
