package org.consilium.archive;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Blobs as files: {@code <dir>/ab/cd/<sha256>}. Staging files live in {@code <dir>/staging} on the same
 * file system, so that commit is an atomic rename. Leftover staging files (a crash mid-write) are removed
 * at start; they were never acknowledged.
 */
@ApplicationScoped
@Startup
public class FileBlobStore implements BlobStore {

    private final Path root;
    private final Path staging;
    /** Fan-out directories known to exist (at most 65,536), so that commit does not ask the file system each time. */
    private final Set<Path> knownDirectories = ConcurrentHashMap.newKeySet();

    public FileBlobStore(@ConfigProperty(name = "consilium.archive.blob-dir") Path root) {
        this.root = root;
        this.staging = root.resolve("staging");
        try {
            Files.createDirectories(staging);
            try (var leftovers = Files.list(staging)) {
                for (Path p : leftovers.toList()) {
                    Files.deleteIfExists(p);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the blob store at " + root, e);
        }
    }

    @Override
    public StagedBlob stage() throws IOException {
        return new StagedBlob(staging.resolve(UUID.randomUUID() + ".part"));
    }

    @Override
    public String commit(StagedBlob staged) throws IOException {
        String key = staged.finish();
        Path target = path(key);
        if (target.toFile().exists()) { // java.io: no exception per miss on the hot path
            staged.close();
            fsyncDirectory(target.getParent()); // the same content, but its rename may still be in flight
            return key;
        }
        Path dir = target.getParent();
        ensureDirectory(dir);
        try {
            Files.move(staged.file(), target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("blob staging and storage must be on one file system", e);
        }
        fsyncDirectory(dir);
        return key;
    }

    @Override
    public InputStream open(String key) throws IOException {
        return Files.newInputStream(path(key));
    }

    @Override
    public Path path(String key) {
        if (!key.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("not a blob key: " + key);
        }
        return root.resolve(key.substring(0, 2)).resolve(key.substring(2, 4)).resolve(key);
    }

    @Override
    public boolean exists(String key) {
        return Files.exists(path(key));
    }

    /** Creates {@code <root>/ab/cd} when missing, durably: a crash must not lose a directory holding blobs. */
    private void ensureDirectory(Path dir) throws IOException {
        if (knownDirectories.contains(dir)) {
            return;
        }
        if (!Files.isDirectory(dir)) {
            Files.createDirectories(dir);
            fsyncDirectory(dir.getParent());
            fsyncDirectory(root);
        }
        knownDirectories.add(dir);
    }

    /** The rename is durable only once the directory entry is on disk. */
    private static void fsyncDirectory(Path dir) throws IOException {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        }
    }
}
