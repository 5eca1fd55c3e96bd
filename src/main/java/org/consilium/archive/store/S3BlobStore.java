package org.consilium.archive.store;

import org.consilium.archive.BlobStore;
import org.consilium.archive.StagedBlob;
import io.quarkus.logging.Log;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.consilium.dicom.data.BulkData;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.core.sync.ResponseTransformer;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Blobs as objects in an S3-compatible store (AWS S3, MinIO, Ceph RGW), named by their SHA-256, so that
 * every replica reads what any replica wrote. Bytes are staged in a local file while they arrive (the hash,
 * and so the object's name, is known only at the end), then sent from that file: in one PUT up to the part
 * size, else as a multipart upload, one part at a time, never the whole instance in memory. {@link #commit}
 * returns only once the store has answered the PUT or the multipart completion with success, which S3
 * answers only for a durably stored object; the caller indexes after that.
 *
 * <p>Readers that need a file (frames, bulk data, C-GET) get one from a local read cache, downloaded on
 * first use and bounded in size; a blob just committed enters the cache by renaming its staged file. The
 * local directory is scratch: it is wiped at start and never holds the only copy of an acknowledged blob.
 */
public class S3BlobStore implements BlobStore, AutoCloseable {

    private static final String BINARY = "application/octet-stream";

    private final S3Client s3;
    private final String bucket;
    private final long partSize;
    private final Path staging;
    private final Path cache;
    private final long cacheSize;
    /** Bytes in the cache as this process counted them; recounted from the directory when evicting. */
    private final AtomicLong cached = new AtomicLong();

    /**
     * @param localDir  scratch directory for staging and the read cache (one file system, so that a committed
     *                  blob moves into the cache by rename)
     * @param partSize  size of multipart-upload parts, and the largest blob sent in one PUT (at least 5 MiB)
     * @param cacheSize read-cache size above which the least recently used blobs are removed
     */
    public S3BlobStore(S3Client s3, String bucket, Path localDir, long partSize, long cacheSize) {
        if (partSize < 5L << 20) {
            throw new IllegalArgumentException("S3 parts are at least 5 MiB, not " + partSize + " bytes");
        }
        this.s3 = s3;
        this.bucket = bucket;
        this.partSize = partSize;
        this.cacheSize = cacheSize;
        this.staging = localDir.resolve("staging");
        this.cache = localDir.resolve("cache");
        try {
            for (Path dir : List.of(staging, cache)) {
                Files.createDirectories(dir);
                emptyDirectory(dir);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the blob store's local directory " + localDir, e);
        }
    }

    /** Fails unless the bucket exists; with {@code create}, makes it first if it is missing. */
    public S3BlobStore requireBucket(boolean create) {
        try {
            s3.headBucket(b -> b.bucket(bucket));
        } catch (NoSuchBucketException e) {
            if (!create) {
                throw new IllegalStateException("the blob store's bucket " + bucket + " does not exist", e);
            }
            s3.createBucket(b -> b.bucket(bucket));
        } catch (S3Exception e) {
            if (e.statusCode() != 404 || !create) {
                throw new IllegalStateException("cannot reach the blob store's bucket " + bucket + ": " + e.getMessage(), e);
            }
            s3.createBucket(b -> b.bucket(bucket));
        }
        Log.infof("blob store: S3 bucket %s, parts of %d MiB", bucket, partSize >> 20);
        return this;
    }

    /** Staged through the page cache, not with direct I/O: the upload reads the file back at once. */
    @Override
    public StagedBlob stage() throws IOException {
        return new StagedBlob(staging.resolve(UUID.randomUUID() + ".part"), 0);
    }

    @Override
    public String commit(StagedBlob staged) throws IOException {
        String key = staged.key();
        try {
            if (staged.size() <= partSize) {
                s3.putObject(b -> b.bucket(bucket).key(key).contentLength(staged.size()).contentType(BINARY),
                        RequestBody.fromFile(staged.file()));
            } else {
                uploadInParts(staged.file(), staged.size(), key);
            }
        } catch (SdkException e) {
            throw new IOException("the object store did not take blob " + key + ": " + e.getMessage(), e);
        }
        keep(staged.file(), key);
        return key;
    }

    private void uploadInParts(Path file, long size, String key) throws IOException {
        String uploadId = s3.createMultipartUpload(b -> b.bucket(bucket).key(key).contentType(BINARY)).uploadId();
        try {
            List<CompletedPart> parts = new ArrayList<>();
            int number = 1;
            for (long offset = 0; offset < size; offset += partSize, number++) {
                long length = Math.min(partSize, size - offset);
                long from = offset;
                int n = number;
                String etag = s3.uploadPart(b -> b.bucket(bucket).key(key).uploadId(uploadId).partNumber(n)
                                .contentLength(length),
                        RequestBody.fromContentProvider(() -> slice(file, from, length), length, BINARY)).eTag();
                parts.add(CompletedPart.builder().partNumber(n).eTag(etag).build());
            }
            s3.completeMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(uploadId)
                    .multipartUpload(m -> m.parts(parts)));
        } catch (RuntimeException e) {
            try {
                s3.abortMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(uploadId));
            } catch (SdkException abortFailed) {
                e.addSuppressed(abortFailed); // the store's lifecycle rule for incomplete uploads cleans up
            }
            throw e;
        }
    }

    /** A fresh stream over one part of the staged file; the SDK asks again when it retries a part. */
    private static InputStream slice(Path file, long offset, long length) {
        try {
            return new BulkData(file, offset, length, false).openStream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public InputStream open(String key) throws IOException {
        Path local = cached(key);
        if (Files.exists(local)) {
            try {
                return Files.newInputStream(local);
            } catch (NoSuchFileException evicted) {
                // removed from the cache since; read the object instead
            }
        }
        try {
            return s3.getObject(b -> b.bucket(bucket).key(key));
        } catch (NoSuchKeyException e) {
            throw new NoSuchFileException("blob " + key);
        } catch (SdkException e) {
            throw new IOException("the object store did not give blob " + key + ": " + e.getMessage(), e);
        }
    }

    /**
     * The blob as a local file, downloaded into the read cache if it is not there yet. For a key the store
     * does not hold, a path where no file is, as the file store answers.
     */
    @Override
    public Path path(String key) {
        Path local = cached(key);
        try {
            if (Files.exists(local)) {
                Files.setLastModifiedTime(local, FileTime.fromMillis(System.currentTimeMillis()));
                return local;
            }
            download(key, local);
        } catch (NoSuchFileException evictedMeanwhile) {
            return path(key);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return local;
    }

    @Override
    public boolean exists(String key) {
        if (Files.exists(cached(key))) {
            return true;
        }
        try {
            s3.headObject(b -> b.bucket(bucket).key(key));
            return true;
        } catch (NoSuchKeyException e) {
            return false;
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return false;
            }
            throw e;
        }
    }

    /** Lists the bucket page by page; the object's Last-Modified is when the store confirmed it. */
    @Override
    public Stream<String> keysCommittedBefore(Instant cutoff) throws IOException {
        try {
            return s3.listObjectsV2Paginator(b -> b.bucket(bucket)).contents().stream()
                    .filter(o -> FileBlobStore.isKey(o.key()) && o.lastModified().isBefore(cutoff))
                    .map(S3Object::key);
        } catch (SdkException e) {
            throw new IOException("cannot list the blob store's bucket " + bucket + ": " + e.getMessage(), e);
        }
    }

    /** Every commit puts the object anew, so its Last-Modified tells whether it was committed again. */
    @Override
    public boolean deleteIfCommittedBefore(String key, Instant cutoff) throws IOException {
        Path local = cached(key);
        try {
            if (!s3.headObject(b -> b.bucket(bucket).key(key)).lastModified().isBefore(cutoff)) {
                return false;
            }
            s3.deleteObject(b -> b.bucket(bucket).key(key));
        } catch (NoSuchKeyException gone) {
            return false;
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return false;
            }
            throw new IOException("the object store did not delete blob " + key + ": " + e.getMessage(), e);
        } catch (SdkException e) {
            throw new IOException("the object store did not delete blob " + key + ": " + e.getMessage(), e);
        }
        Files.deleteIfExists(local);
        return true;
    }

    @Override
    public void close() {
        s3.close();
    }

    private Path cached(String key) {
        if (!FileBlobStore.isKey(key)) {
            throw new IllegalArgumentException("not a blob key: " + key);
        }
        return cache.resolve(key);
    }

    private void download(String key, Path local) throws IOException {
        Path part = cache.resolve(key + "." + UUID.randomUUID() + ".part");
        try {
            s3.getObject(b -> b.bucket(bucket).key(key), ResponseTransformer.toFile(part));
        } catch (NoSuchKeyException e) {
            return;
        } catch (SdkException e) {
            Files.deleteIfExists(part);
            throw new IOException("the object store did not give blob " + key + ": " + e.getMessage(), e);
        }
        long size = Files.size(part);
        Files.move(part, local, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        admitted(size);
    }

    /** A committed blob's staged file becomes its cached copy: the next reader needs no download. */
    private void keep(Path stagedFile, String key) throws IOException {
        long size = Files.size(stagedFile);
        Files.move(stagedFile, cached(key), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        admitted(size);
    }

    private void admitted(long size) throws IOException {
        if (cached.addAndGet(size) > cacheSize) {
            evict();
        }
    }

    /**
     * Removes the least recently used cached blobs until the cache is at 80% of its size. A reader that
     * already opened a removed file keeps reading it (POSIX unlink semantics).
     */
    private synchronized void evict() throws IOException {
        if (cached.get() <= cacheSize) {
            return;
        }
        record Entry(Path file, long size, long used) {
        }
        List<Entry> entries = new ArrayList<>();
        try (Stream<Path> files = Files.list(cache)) {
            for (Path f : files.filter(f -> !f.getFileName().toString().endsWith(".part")).toList()) {
                try {
                    entries.add(new Entry(f, Files.size(f), Files.getLastModifiedTime(f).toMillis()));
                } catch (NoSuchFileException gone) {
                    // replaced or removed meanwhile
                }
            }
        }
        entries.sort(Comparator.comparingLong(Entry::used));
        long total = entries.stream().mapToLong(Entry::size).sum();
        long target = cacheSize / 10 * 8;
        for (Entry e : entries) {
            if (total <= target) {
                break;
            }
            Files.deleteIfExists(e.file());
            total -= e.size();
        }
        cached.set(total);
    }

    private static void emptyDirectory(Path dir) throws IOException {
        try (Stream<Path> leftovers = Files.list(dir)) {
            for (Path p : leftovers.toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
