package org.consilium.archive.upload;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.consilium.archive.ArchiveConfig;
import org.jboss.logging.Logger;

/**
 * Uploads on disk under {@code <data dir>/uploads}: the bytes received so far in {@code <id>.bin} (its size
 * is the upload's offset) and the {@link Upload} beside them in {@code <id>.json}. One writer per upload at a
 * time; a write cut short keeps every byte that arrived.
 */
@ApplicationScoped
public class UploadStore {

    private static final Logger LOG = Logger.getLogger(UploadStore.class);
    static final Pattern ID = Pattern.compile("[0-9a-f]{32}");

    @Inject
    ArchiveConfig archive;
    @Inject
    ObjectMapper json;

    private final ConcurrentHashMap<String, ReentrantLock> writers = new ConcurrentHashMap<>();

    Path dir() throws IOException {
        return Files.createDirectories(archive.upload().dir());
    }

    void create(Upload u) throws IOException {
        Files.createFile(dir().resolve(u.id() + ".bin"));
        save(u);
    }

    Optional<Upload> find(String id) throws IOException {
        if (!ID.matcher(id).matches()) {
            return Optional.empty();
        }
        Path meta = dir().resolve(id + ".json");
        try {
            return Optional.of(json.readValue(meta.toFile(), Upload.class));
        } catch (java.io.FileNotFoundException | java.nio.file.NoSuchFileException e) {
            return Optional.empty();
        }
    }

    void save(Upload u) throws IOException {
        Path tmp = dir().resolve(u.id() + ".json.tmp");
        json.writeValue(tmp.toFile(), u);
        Files.move(tmp, dir().resolve(u.id() + ".json"), java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    /** Reads, changes and writes an upload's record, one change at a time per upload. */
    Upload update(String id, java.util.function.UnaryOperator<Upload> change) throws IOException {
        synchronized (records.computeIfAbsent(id, k -> new Object())) {
            Upload u = change.apply(find(id).orElseThrow(() -> new java.nio.file.NoSuchFileException(id)));
            save(u);
            return u;
        }
    }

    private final ConcurrentHashMap<String, Object> records = new ConcurrentHashMap<>();

    /** The bytes the server holds: the offset the next PATCH must start at. */
    long offset(String id) throws IOException {
        return Files.size(dir().resolve(id + ".bin"));
    }

    /** The lock of one upload's writer, or empty when another request is writing it now. */
    Optional<ReentrantLock> lockForWriting(String id) {
        ReentrantLock lock = writers.computeIfAbsent(id, k -> new ReentrantLock());
        return lock.tryLock() ? Optional.of(lock) : Optional.empty();
    }

    /**
     * What one PATCH body added: its bytes, and whether it ended early (the connection dropped: what arrived
     * is kept) or carried more than the upload's length (the excess is not written).
     */
    record Appended(long bytes, IOException cut, boolean tooLong) {
    }

    /** Appends what {@code body} carries, at most {@code room} bytes, forced to disk however the body ends. */
    Appended append(String id, InputStream body, long room) throws IOException {
        long written = 0;
        try (FileChannel out = FileChannel.open(dir().resolve(id + ".bin"), StandardOpenOption.WRITE,
                StandardOpenOption.APPEND)) {
            byte[] buf = new byte[64 * 1024];
            try {
                for (int n; (n = body.read(buf)) >= 0; ) {
                    int keep = (int) Math.min(n, room - written);
                    out.write(ByteBuffer.wrap(buf, 0, keep));
                    written += keep;
                    if (keep < n) {
                        return new Appended(written, null, true);
                    }
                }
                return new Appended(written, null, false);
            } catch (IOException cut) {
                return new Appended(written, cut, false);
            } finally {
                out.force(false);
            }
        }
    }

    InputStream open(String id) throws IOException {
        return Files.newInputStream(dir().resolve(id + ".bin"));
    }

    /** Deletes an upload's bytes and record (termination, expiry, or a target that refused the file). */
    void delete(String id) {
        try {
            Files.deleteIfExists(dir().resolve(id + ".bin"));
            Files.deleteIfExists(dir().resolve(id + ".json"));
            writers.remove(id);
            records.remove(id);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** tus expiration: uploads untouched for {@code consilium.archive.upload.expire-after} are deleted. */
    @Scheduled(every = "10m", delay = 1, concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void expire() throws IOException {
        Instant before = Instant.now().minus(archive.upload().expireAfter());
        try (Stream<Path> files = Files.list(dir())) {
            for (Path p : files.filter(f -> f.toString().endsWith(".json")).toList()) {
                String id = p.getFileName().toString().replace(".json", "");
                Optional<Upload> u = find(id);
                if (u.isPresent() && u.get().touchedAt().isBefore(before)) {
                    delete(id);
                    LOG.infof("upload %s expired (%s)", id, u.get().filename());
                }
            }
        }
    }
}
