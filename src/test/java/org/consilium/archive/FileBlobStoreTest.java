package org.consilium.archive;

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
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The blob store on a real file system, with direct I/O and through the page cache. */
class FileBlobStoreTest {

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

    private static String sha256(byte[] data) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    }
}
