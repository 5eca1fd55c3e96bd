package org.consilium.archive.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.consilium.archive.StagedBlob;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The blob store on a real file system, with direct I/O and through the page cache. */
public class FileBlobStoreTest {

    /** Sizes around the block size, the direct buffer and the in-memory head. */
    private static final int[] SIZES = {0, 1, 4095, 4096, 4097, StagedBlob.HEAD_BYTES - 1, StagedBlob.HEAD_BYTES + 1,
            DirectFileOutput.BUFFER_SIZE - 1, DirectFileOutput.BUFFER_SIZE, DirectFileOutput.BUFFER_SIZE + 1,
            5 * DirectFileOutput.BUFFER_SIZE + 7, 3_000_001};

    @TempDir
    Path dir;

    @ParameterizedTest(name = "direct I/O {0}")
    @ValueSource(booleans = {true, false})
    void everySizeIsStoredByteForByteUnderItsHash(boolean direct) throws Exception {
        FileBlobStore store = new FileBlobStore(dir, direct);
        Random random = new Random(42);
        for (int size : SIZES) {
            byte[] data = new byte[size];
            random.nextBytes(data);
            String key;
            try (StagedBlob staged = store.stage()) {
                writeInOddPieces(staged, data, random);
                staged.seal();
                assertEquals(size, staged.size());
                try (InputStream content = staged.content()) {
                    assertArrayEquals(data, content.readAllBytes(), "staged content of " + size + " bytes");
                }
                key = store.commit(staged);
            }
            assertEquals(sha256(data), key, "key of " + size + " bytes");
            assertArrayEquals(data, Files.readAllBytes(store.path(key)), "stored " + size + " bytes");
        }
        try (var staging = Files.list(dir.resolve("staging"))) {
            assertEquals(0, staging.count(), "no staging file is left behind");
        }
    }

    @ParameterizedTest(name = "direct I/O {0}")
    @ValueSource(booleans = {true, false})
    void contentSkipsWithoutReadingAndReadsPastTheHeadFromTheFile(boolean direct) throws Exception {
        FileBlobStore store = new FileBlobStore(dir, direct);
        byte[] data = new byte[StagedBlob.HEAD_BYTES * 3];
        new Random(7).nextBytes(data);
        try (StagedBlob staged = store.stage()) {
            staged.output().write(data);
            staged.seal();
            try (InputStream in = staged.content()) {
                assertEquals(10, in.skip(10));
                assertEquals(data[10] & 0xFF, in.read());
                assertEquals(StagedBlob.HEAD_BYTES, in.skip(StagedBlob.HEAD_BYTES));
                byte[] rest = in.readAllBytes();
                assertEquals(data.length - StagedBlob.HEAD_BYTES - 11, rest.length);
                assertEquals(data[StagedBlob.HEAD_BYTES + 11], rest[0]);
                assertEquals(-1, in.read());
                assertEquals(0, in.skip(5), "nothing to skip at the end");
            }
        }
    }

    @ParameterizedTest(name = "direct I/O {0}")
    @ValueSource(booleans = {true, false})
    void aTornBlobLeftByACrashIsReplacedNotTrusted(boolean direct) throws Exception {
        FileBlobStore store = new FileBlobStore(dir, direct);
        byte[] data = new byte[200_000];
        new Random(3).nextBytes(data);
        Path target = store.path(sha256(data));
        Files.createDirectories(target.getParent());
        Files.write(target, java.util.Arrays.copyOf(data, 4096)); // renamed, then the machine died before fsync

        String key = store(store, data);

        assertEquals(sha256(data), key);
        assertArrayEquals(data, Files.readAllBytes(target));
    }

    @ParameterizedTest(name = "direct I/O {0}")
    @ValueSource(booleans = {true, false})
    void identicalContentStoredConcurrentlyEndsAsOneIntactBlob(boolean direct) throws Exception {
        FileBlobStore store = new FileBlobStore(dir, direct);
        byte[] data = new byte[700_000];
        new Random(5).nextBytes(data);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            var results = new java.util.ArrayList<Future<String>>();
            for (int i = 0; i < 16; i++) {
                results.add(pool.submit(() -> store(store, data)));
            }
            for (Future<String> f : results) {
                assertEquals(sha256(data), f.get());
            }
        } finally {
            pool.shutdown();
        }
        assertArrayEquals(data, Files.readAllBytes(store.path(sha256(data))));
    }

    @ParameterizedTest(name = "direct I/O {0}")
    @ValueSource(booleans = {true, false})
    void aDiscardedStagedBlobLeavesNothing(boolean direct) throws Exception {
        FileBlobStore store = new FileBlobStore(dir, direct);
        Path file;
        try (StagedBlob staged = store.stage()) {
            staged.output().write(new byte[DirectFileOutput.BUFFER_SIZE * 2 + 5]);
            file = staged.file();
            assertTrue(Files.exists(file));
        }
        assertFalse(Files.exists(file));
    }

    /**
     * Many blobs at once share first-level fan-out directories, so threads meet directories that another
     * one is creating; then a reopened store (knowing no directory) meets them all on disk.
     */
    @org.junit.jupiter.api.Test
    void blobsStoredConcurrentlyAndAfterAReopenShareTheFanOutDirectories() throws Exception {
        FileBlobStore store = new FileBlobStore(dir, false);
        byte[][] blobs = new byte[300][];
        Random random = new Random(9);
        for (int i = 0; i < blobs.length; i++) {
            blobs[i] = new byte[1 + random.nextInt(5000)];
            random.nextBytes(blobs[i]);
        }
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            var keys = new java.util.ArrayList<Future<String>>();
            for (byte[] b : blobs) {
                keys.add(pool.submit(() -> store(store, b)));
            }
            for (int i = 0; i < blobs.length; i++) {
                assertArrayEquals(blobs[i], Files.readAllBytes(store.path(keys.get(i).get())));
            }
        } finally {
            pool.shutdown();
        }
        try (var firstLevel = Files.list(dir)) {
            assertTrue(firstLevel.count() < blobs.length, "some blobs share a first-level directory");
        }
        FileBlobStore reopened = new FileBlobStore(dir, false);
        for (int i = 0; i < 20; i++) {
            String key = store(reopened, blobs[i]);
            assertArrayEquals(blobs[i], Files.readAllBytes(reopened.path(key)));
        }
    }

    /**
     * Power loss cannot be simulated here, so check the order of fsyncs: a blob in fan-out directories new
     * to the process is acknowledged only after the file, its directory, that directory's parent and the
     * root were fsynced, the directories after the file (whose fsync commits the mkdirs with it on a
     * journalling file system). A second blob in the same directory needs only the file and its directory;
     * a reopened store fsyncs a directory's parents again before trusting it.
     */
    @org.junit.jupiter.api.Test
    void aBlobIsAcknowledgedOnlyAfterTheFileAndEveryNewDirectoryLeadingToItWereFsynced() throws Exception {
        java.util.List<Path> synced = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        FileBlobStore store = new FileBlobStore(dir, false, synced::add);
        String first = store(store, new byte[] {1, 2, 3});
        Path file = store.path(first);
        Path cd = file.getParent();
        assertEquals(java.util.List.of(file, cd, cd.getParent(), dir), synced);

        byte[] sibling = sameFanOut(first, 4);
        synced.clear();
        String second = store(store, sibling);
        assertEquals(cd, store.path(second).getParent());
        assertEquals(java.util.List.of(store.path(second), cd), synced, "a known directory is not fsynced again");

        synced.clear();
        FileBlobStore reopened = new FileBlobStore(dir, false, synced::add);
        store(reopened, sibling);
        assertEquals(java.util.List.of(store.path(second), cd, cd.getParent(), dir), synced);
    }

    /** Some content whose hash shares the first four hex digits with the given key (about 65,536 tries). */
    private static byte[] sameFanOut(String key, int length) throws Exception {
        java.security.MessageDigest sha = StagedBlob.sha256();
        byte[] b = new byte[length];
        for (int i = 0; ; i++) {
            java.nio.ByteBuffer.wrap(b).putInt(i);
            String k = java.util.HexFormat.of().formatHex(sha.digest(b));
            if (k.regionMatches(0, key, 0, 4) && !k.equals(key)) {
                return b;
            }
        }
    }

    @org.junit.jupiter.api.Test
    void directIoIsUsedWhereTheFileSystemAllowsIt() throws IOException {
        Files.createDirectories(dir.resolve("staging"));
        int alignment = FileBlobStore.probeDirectIo(dir.resolve("staging"));
        // ext4, xfs and btrfs take O_DIRECT; tmpfs may not, and then the store must fall back, not fail
        assertTrue(alignment == 0 || DirectFileOutput.BUFFER_SIZE % alignment == 0, "alignment " + alignment);
        try (var staging = Files.list(dir.resolve("staging"))) {
            assertEquals(0, staging.count(), "the probe cleans up");
        }
    }

    private static String store(FileBlobStore store, byte[] data) throws IOException {
        try (StagedBlob staged = store.stage()) {
            staged.output().write(data);
            staged.seal();
            return store.commit(staged);
        }
    }

    private static void writeInOddPieces(StagedBlob staged, byte[] data, Random random) throws IOException {
        int pos = 0;
        while (pos < data.length) {
            if (random.nextInt(10) == 0) {
                staged.output().write(data[pos++]);
                continue;
            }
            int n = Math.min(data.length - pos, 1 + random.nextInt(70_000));
            staged.output().write(data, pos, n);
            pos += n;
        }
    }

    public static String sha256(byte[] data) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    }
}
