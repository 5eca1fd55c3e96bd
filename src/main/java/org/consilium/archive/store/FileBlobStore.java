package org.consilium.archive.store;

import io.quarkus.logging.Log;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.consilium.archive.ArchiveConfig;
import org.consilium.archive.BlobStore;
import org.consilium.archive.StagedBlob;

/**
 * Blobs as files: {@code <dir>/ab/cd/<sha256>}. Staging files live in {@code <dir>/staging} on the same
 * file system, so that commit is an atomic rename. Leftover staging files (a crash mid-write) are removed
 * at start; they were never acknowledged. The default store, made by {@link BlobStores}.
 */
public class FileBlobStore implements BlobStore {

    private final Path root;
    private final Path staging;
    /** Fan-out directories this process knows to be durable (at most 256 + 65,536); see {@link #ensureDirectory}. */
    private final Set<Path> knownDirectories = ConcurrentHashMap.newKeySet();

    /** Block size for direct writes to staging files, or 0 to write through the page cache. */
    private final int directAlignment;
    /** Told of every path after its fsync returned (tests check the order). */
    private final Consumer<Path> synced;

    public FileBlobStore(Path root, boolean directIo) {
        this(root, directIo, path -> { });
    }

    FileBlobStore(Path root, boolean directIo, Consumer<Path> synced) {
        this.root = root;
        this.synced = synced;
        this.staging = root.resolve("staging");
        try {
            Files.createDirectories(staging);
            try (var leftovers = Files.list(staging)) {
                for (Path p : leftovers.toList()) {
                    Files.deleteIfExists(p);
                }
            }
            this.directAlignment = directIo ? probeDirectIo(staging) : 0;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the blob store at " + root, e);
        }
        Log.infof("blob store %s: staging writes %s", root,
                directAlignment > 0 ? "direct (O_DIRECT, " + directAlignment + "-byte blocks)" : "through the page cache");
    }

    @Override
    public StagedBlob stage() throws IOException {
        return new StagedBlob(staging.resolve(UUID.randomUUID() + ".part"), directAlignment);
    }

    /**
     * The block size if a staged file can be written with {@code O_DIRECT} here, else 0: some file systems
     * (tmpfs on older kernels) refuse it, and a block size that does not divide the buffer cannot be used.
     */
    static int probeDirectIo(Path staging) {
        Path probe = staging.resolve("direct-io-probe-" + UUID.randomUUID());
        try {
            int blockSize = (int) Files.getFileStore(staging).getBlockSize();
            if (blockSize <= 0 || DirectFileOutput.BUFFER_SIZE % blockSize != 0) {
                return 0;
            }
            try (StagedBlob b = new StagedBlob(probe, blockSize)) {
                b.output().write(new byte[] {'D', 'I', 'C', 'M'});
                b.seal();
                return Files.size(probe) == 4 ? blockSize : 0;
            }
        } catch (IOException | UnsupportedOperationException e) {
            Log.debugf("no direct I/O in %s: %s", staging, e);
            return 0;
        }
    }

    /**
     * Renames the staged file to its hash, then fsyncs the file at that name and the directories that make
     * the name reachable: its own, and for fan-out directories new to this process their parents. On a
     * journalling file system the file's fsync commits the rename and any mkdir before it in the same
     * transaction, so the directories' fsyncs after it find little left to do; fsyncing a new directory's
     * parent before the rename would cost a journal commit of its own. The file fsynced is whatever is at
     * the name by then, ours or identical bytes another request renamed over it (every writer seals its
     * bytes before renaming), so the name is durable before the caller indexes it. Until then a crash leaves
     * at most an unreferenced file, which may be incomplete; so a blob found already present is kept only
     * if its bytes hash to its name.
     */
    @Override
    public String commit(StagedBlob staged) throws IOException {
        String key = staged.key();
        Path target = path(key);
        Path dir = target.getParent();
        boolean knownDir = knownDirectories.contains(dir);
        if (!knownDir) {
            Files.createDirectories(dir);
        }
        boolean present = target.toFile().exists() && hashesTo(target, key); // java.io: no exception per miss
        if (present) {
            // committed again: the sweeper must see it as new (see deleteIfCommittedBefore)
            Files.setLastModifiedTime(target, FileTime.from(Instant.now()));
        } else {
            try {
                Files.move(staged.file(), target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                throw new IOException("blob staging and storage must be on one file system", e);
            }
        }
        fsyncFile(target);
        fsyncDirectory(dir);
        if (!knownDir) {
            makeReachable(dir);
        }
        return key;
    }

    private static boolean hashesTo(Path file, String key) throws IOException {
        MessageDigest sha = StagedBlob.sha256();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) {
                sha.update(buf, 0, n);
            }
        }
        return HexFormat.of().formatHex(sha.digest()).equals(key);
    }

    @Override
    public InputStream open(String key) throws IOException {
        return Files.newInputStream(path(key));
    }

    @Override
    public Path path(String key) {
        if (!isKey(key)) {
            throw new IllegalArgumentException("not a blob key: " + key);
        }
        return root.resolve(key.substring(0, 2)).resolve(key.substring(2, 4)).resolve(key);
    }

    /** 64 lowercase hex digits, so that a key can never name a path outside the store. */
    static boolean isKey(String key) {
        if (key.length() != 64) {
            return false;
        }
        for (int i = 0; i < 64; i++) {
            char c = key.charAt(i);
            if ((c < '0' || c > '9') && (c < 'a' || c > 'f')) {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean exists(String key) {
        return Files.exists(path(key));
    }

    /** Walks {@code ab/cd/<key>}; a file's modification time is when its last byte was written, before commit. */
    @Override
    public Stream<String> keysCommittedBefore(Instant cutoff) throws IOException {
        return Files.find(root, 3, (file, attributes) -> attributes.isRegularFile()
                        && attributes.lastModifiedTime().toInstant().isBefore(cutoff)
                        && !file.startsWith(staging) && isKey(file.getFileName().toString()))
                .map(file -> file.getFileName().toString());
    }

    @Override
    public boolean deleteIfCommittedBefore(String key, Instant cutoff) throws IOException {
        Path file = path(key);
        try {
            if (!Files.getLastModifiedTime(file).toInstant().isBefore(cutoff)) {
                return false;
            }
            return Files.deleteIfExists(file);
        } catch (NoSuchFileException gone) {
            return false;
        }
    }

    /**
     * Makes the entries leading to {@code <root>/ab/cd}, which exists, durable: a crash must not lose a
     * directory holding blobs. A directory counts as known only once this process has fsynced the directory
     * holding it, after it existed, so a request never relies on another one's mkdir whose fsync has not
     * returned yet. That costs one fsync of {@code ab} per {@code cd} and one of the root per {@code ab} per
     * process lifetime, not per blob.
     */
    private void makeReachable(Path dir) throws IOException {
        Path parent = dir.getParent();
        fsyncDirectory(parent);
        if (!knownDirectories.contains(parent)) {
            fsyncDirectory(root);
            knownDirectories.add(parent);
        }
        knownDirectories.add(dir);
    }

    private void fsyncFile(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            ch.force(true);
        }
        synced.accept(file);
    }

    /** The rename is durable only once the directory entry is on disk. */
    private void fsyncDirectory(Path dir) throws IOException {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        }
        synced.accept(dir);
    }
}
