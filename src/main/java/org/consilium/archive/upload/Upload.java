package org.consilium.archive.upload;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.UUID;

/**
 * One resumable upload as kept beside its bytes: who started it (user and hospital), what it is for, its
 * length, and what the server has seen: {@code requests} PATCH requests that wrote {@code received} bytes in
 * all (equal to the length when no byte was sent twice), and the offsets it reported when the client asked
 * (HEAD) to take the upload up again. {@code result} is set once the target took it.
 */
public record Upload(String id, String userId, UUID hospitalId, String purpose, long length,
                     Map<String, String> metadata, Instant createdAt, Instant touchedAt, int requests, long received,
                     List<Long> resumedAt, String result) {

    Upload written(long bytes, Instant at) {
        return new Upload(id, userId, hospitalId, purpose, length, metadata, createdAt, at, requests + 1,
                received + bytes, resumedAt, result);
    }

    Upload resumed(long offset) {
        return new Upload(id, userId, hospitalId, purpose, length, metadata, createdAt, touchedAt, requests, received,
                Stream.concat(resumedAt.stream(), Stream.of(offset)).toList(), result);
    }

    Upload completed(String what) {
        return new Upload(id, userId, hospitalId, purpose, length, metadata, createdAt, touchedAt, requests, received,
                resumedAt, what);
    }

    String filename() {
        return metadata.getOrDefault("filename", "");
    }
}
