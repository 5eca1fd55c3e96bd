package org.consilium.radiotherapy.review;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.GZIPOutputStream;
import org.consilium.identity.CurrentUser;
import org.consilium.platform.ProblemException;
import org.consilium.radiotherapy.submission.RadiotherapyConfig;
import org.consilium.radiotherapy.submission.Submissions;

/**
 * A revision's contours as the viewer receives them. A revision never changes, so its gzipped JSON is made
 * once per replica and kept in a least-recently-used cache bounded in bytes
 * ({@code consilium.radiotherapy.contours-cache-size}); a request then costs the access check, its audit row
 * and the write, not reading megabytes of JSON from PostgreSQL and compressing them again.
 */
@ApplicationScoped
public class RevisionJson {

    /** The revision's id (its strong ETag) and its JSON, gzipped. */
    public record Body(UUID revisionId, byte[] gzipped) {
    }

    @Inject
    Submissions submissions;
    @Inject
    EntityManager em;

    private final long capacity;
    private final Map<UUID, byte[]> cache = new LinkedHashMap<>(16, 0.75f, true);
    private long cached;

    @Inject
    RevisionJson(RadiotherapyConfig config) {
        this.capacity = config.contoursCacheSize().asLongValue();
    }

    /** The id of a revision the caller may see (the read is audited), or 404; the contours are not read. */
    public UUID require(CurrentUser user, UUID submissionId, int number) {
        submissions.require(user, submissionId, "rt.revision.read");
        @SuppressWarnings("unchecked")
        List<UUID> ids = em.createNativeQuery("select id from rt_revision where submission_id = ?1 and number = ?2")
                .setParameter(1, submissionId).setParameter(2, number).getResultList();
        if (ids.isEmpty()) {
            throw ProblemException.notFound("revision " + number + " of submission " + submissionId);
        }
        return ids.get(0);
    }

    /** The revision's JSON, gzipped: from the cache, or read and compressed once. */
    public byte[] gzipped(UUID revisionId) {
        synchronized (cache) {
            byte[] hit = cache.get(revisionId);
            if (hit != null) {
                return hit;
            }
        }
        byte[] made = gzip(plain(revisionId));
        synchronized (cache) {
            if (made.length <= capacity && cache.putIfAbsent(revisionId, made) == null) {
                cached += made.length;
                for (Iterator<byte[]> oldest = cache.values().iterator(); cached > capacity && oldest.hasNext(); ) {
                    cached -= oldest.next().length;
                    oldest.remove();
                }
            }
        }
        return made;
    }

    /** The revision's JSON as stored, for a client that does not accept gzip. */
    public byte[] plain(UUID revisionId) {
        Object content = em.createNativeQuery("select content::text from rt_revision where id = ?1")
                .setParameter(1, revisionId).getSingleResult();
        return ((String) content).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] gzip(byte[] json) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(json.length / 4);
        try (GZIPOutputStream z = new GZIPOutputStream(out)) {
            z.write(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
