package org.consilium.archive.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.runtime.configuration.MemorySize;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Stream;
import org.consilium.archive.StagedBlob;
import org.consilium.archive.BlobStore;
import org.consilium.localstack.LocalS3;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The S3 blob store against a real S3-compatible server (S3Proxy on a local directory), two replicas sharing one bucket. */
class S3BlobStoreTest {

    private static final long PART = 5L << 20;

    @TempDir
    Path dir;
    private String bucket;
    private S3BlobStore replicaA;
    private S3BlobStore replicaB;

    @BeforeEach
    void twoReplicasOnAFreshBucket() {
        bucket = "blobs-" + UUID.randomUUID().toString().substring(0, 8);
        replicaA = BlobStores.s3(settings(bucket, dir.resolve("a"), 1L << 30, LocalS3.SECRET_KEY, true));
        replicaB = BlobStores.s3(settings(bucket, dir.resolve("b"), 1L << 30, LocalS3.SECRET_KEY, false));
    }

    @AfterEach
    void close() {
        replicaA.close();
        replicaB.close();
    }

    @Test
    void everySizeIsStoredInTheBucketAndReadByAnotherReplicaByteForByte() throws Exception {
        Random random = new Random(11);
        // one PUT up to the part size; above it, parts of 5 MiB and a short last one
        for (long size : new long[] {0, 1, 70_000, PART, PART + 1, 2 * PART + 12_345}) {
            byte[] data = new byte[(int) size];
            random.nextBytes(data);
            String key = store(replicaA, data);
            assertEquals(FileBlobStoreTest.sha256(data), key);

            assertArrayEquals(data, Files.readAllBytes(objectFile(key)), "the server holds " + size + " bytes");
            assertTrue(replicaB.exists(key));
            try (InputStream in = replicaB.open(key)) {
                assertArrayEquals(data, in.readAllBytes(), "streamed " + size + " bytes");
            }
            assertArrayEquals(data, Files.readAllBytes(replicaB.path(key)), "downloaded " + size + " bytes");
            assertArrayEquals(data, Files.readAllBytes(replicaA.path(key)), "kept locally " + size + " bytes");
        }
        assertEquals(0, count(dir.resolve("a/staging")), "no staging file is left behind");
    }

    @Test
    void storingTheSameContentTwiceLeavesOneObject() throws Exception {
        byte[] data = new byte[300_000];
        new Random(2).nextBytes(data);
        assertEquals(store(replicaA, data), store(replicaB, data));
        assertEquals(1, count(LocalS3.shared().objects().resolve(bucket)));
    }

    @Test
    void aDiscardedStagedBlobSendsNothing() throws Exception {
        try (StagedBlob staged = replicaA.stage()) {
            staged.output().write(new byte[100_000]);
            staged.seal();
        }
        assertEquals(0, count(LocalS3.shared().objects().resolve(bucket)));
        assertEquals(0, count(dir.resolve("a/staging")));
    }

    @Test
    void aBlobTheStoreNeverHadIsAbsentAndCannotBeOpened() {
        String key = "ab".repeat(32);
        assertFalse(replicaA.exists(key));
        assertFalse(Files.exists(replicaA.path(key)));
        assertThrows(NoSuchFileException.class, () -> replicaA.open(key));
        assertThrows(IllegalArgumentException.class, () -> replicaA.path("../../etc/passwd"));
    }

    @Test
    void aStoreThatRefusesTheUploadFailsTheCommitAndNothingIsKept() throws Exception {
        S3BlobStore wrongSecret = new S3BlobStore(BlobStores.client(
                settings(bucket, dir.resolve("c"), 1L << 30, "not-the-secret", false)), bucket, dir.resolve("c"), PART, 1L << 30);
        byte[] data = new byte[10_000];
        new Random(4).nextBytes(data);
        try (wrongSecret; StagedBlob staged = wrongSecret.stage()) {
            staged.output().write(data);
            IOException e = assertThrows(IOException.class, () -> wrongSecret.commit(staged));
            assertTrue(e.getMessage().contains("did not take"), e.getMessage());
        }
        assertFalse(replicaA.exists(FileBlobStoreTest.sha256(data)));
    }

    @Test
    void aMissingBucketFailsTheStartUnlessItMayBeCreated() {
        String missing = "absent-" + UUID.randomUUID().toString().substring(0, 8);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> BlobStores.s3(settings(missing, dir.resolve("d"), 1L << 30, LocalS3.SECRET_KEY, false)));
        assertTrue(e.getMessage().contains(missing), e.getMessage());
        BlobStores.s3(settings(missing, dir.resolve("d"), 1L << 30, LocalS3.SECRET_KEY, true)).close();
    }

    @Test
    void theReadCacheStaysWithinItsSizeAndEvictedBlobsAreFetchedAgain() throws Exception {
        S3BlobStore small = BlobStores.s3(settings(bucket, dir.resolve("e"), 1_000_000, LocalS3.SECRET_KEY, false));
        try (small) {
            Random random = new Random(8);
            byte[][] blobs = new byte[8][300_000];
            String[] keys = new String[blobs.length];
            for (int i = 0; i < blobs.length; i++) {
                random.nextBytes(blobs[i]);
                keys[i] = store(replicaA, blobs[i]);
                assertArrayEquals(blobs[i], Files.readAllBytes(small.path(keys[i])));
                assertTrue(cacheBytes(dir.resolve("e/cache")) <= 1_000_000, "cache within its size after " + (i + 1));
            }
            assertFalse(Files.exists(dir.resolve("e/cache").resolve(keys[0])), "the oldest was evicted");
            assertArrayEquals(blobs[0], Files.readAllBytes(small.path(keys[0])), "and comes back on demand");
        }
    }

    @Test
    void leftoversInTheLocalDirectoryAreWipedAtStart() throws Exception {
        Path torn = dir.resolve("a/cache").resolve("cd".repeat(32));
        Files.write(torn, new byte[] {1, 2, 3}); // a cached copy a crash may have left half-written
        replicaA.close();
        replicaA = BlobStores.s3(settings(bucket, dir.resolve("a"), 1L << 30, LocalS3.SECRET_KEY, false));
        assertFalse(Files.exists(torn));
    }

    private static String store(BlobStore store, byte[] data) throws IOException {
        try (StagedBlob staged = store.stage()) {
            for (int off = 0; off < data.length; off += 100_003) {
                staged.output().write(data, off, Math.min(100_003, data.length - off));
            }
            staged.seal();
            return store.commit(staged);
        }
    }

    private Path objectFile(String key) {
        return LocalS3.shared().objects().resolve(bucket).resolve(key);
    }

    private static long count(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(Files::isRegularFile).count();
        }
    }

    private static long cacheBytes(Path cache) throws IOException {
        try (Stream<Path> files = Files.list(cache)) {
            return files.mapToLong(f -> f.toFile().length()).sum();
        }
    }

    static BlobStoreConfig.S3 settings(String bucket, Path localDir, long cacheSize, String secret, boolean create) {
        return new Settings(LocalS3.shared().endpoint(), bucket, localDir, cacheSize, secret, create);
    }

    private record Settings(URI url, String name, Path local, long cache, String secret, boolean create)
            implements BlobStoreConfig.S3 {
        public Optional<URI> endpoint() { return Optional.of(url); }
        public Optional<String> bucket() { return Optional.of(name); }
        public String region() { return "us-east-1"; }
        public Optional<String> accessKey() { return Optional.of(LocalS3.ACCESS_KEY); }
        public Optional<String> secretKey() { return Optional.of(secret); }
        public boolean pathStyle() { return true; }
        public boolean createBucket() { return create; }
        public MemorySize partSize() { return new MemorySize(BigInteger.valueOf(PART)); }
        public int maxConnections() { return 8; }
        public Path localDir() { return local; }
        public MemorySize cacheSize() { return new MemorySize(BigInteger.valueOf(cache)); }
    }
}
