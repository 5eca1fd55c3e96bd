package org.consilium.archive.forward;

import org.consilium.archive.ArchiveConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * The forward_job table as a queue shared by every replica. Claiming skips rows another worker has locked
 * and leases the claimed rows by moving their next attempt into the future, so nothing is held open while
 * the instances travel.
 */
@ApplicationScoped
public class ForwardQueue {

    @Inject
    EntityManager em;
    @Inject
    ArchiveConfig archive;

    /** A claimed job: what the worker needs to send it. */
    public record Claimed(UUID id, UUID hospitalId, String targetAe, String studyUid, String sopInstanceUid,
                          int attempts) {
    }

    @Transactional
    @SuppressWarnings("unchecked")
    public List<Claimed> claimDue(int limit) {
        Instant now = Instant.now();
        List<ForwardJob> jobs = em.createNativeQuery("""
                update forward_job set next_attempt_at = ?1 where id in (
                    select id from forward_job where state = 'PENDING' and next_attempt_at <= ?2
                    order by next_attempt_at limit ?3 for update skip locked)
                returning *""", ForwardJob.class)
                .setParameter(1, now.plus(archive.forward().lease())).setParameter(2, now).setParameter(3, limit)
                .getResultList();
        return jobs.stream().map(j -> new Claimed(j.id, j.hospitalId, j.targetAe, j.studyUid, j.sopInstanceUid,
                j.attempts)).toList();
    }

    @Transactional
    public void done(Collection<UUID> ids) {
        if (!ids.isEmpty()) {
            ForwardJob.update("state = ?1, attempts = attempts + 1, lastError = null, updatedAt = ?2 where id in ?3",
                    ForwardState.DONE, Instant.now(), ids);
        }
    }

    /** Records a failed attempt: PENDING again after the backoff, or FAILED after the last attempt. */
    @Transactional
    public ForwardState failed(UUID id, String error) {
        return fail(id, error, false);
    }

    /** Records a failure that no retry can mend (the AE or the instance is gone): FAILED now. */
    @Transactional
    public ForwardState giveUp(UUID id, String error) {
        return fail(id, error, true);
    }

    private ForwardState fail(UUID id, String error, boolean permanent) {
        ForwardJob job = ForwardJob.findById(id);
        if (job == null || job.state != ForwardState.PENDING) {
            return job == null ? ForwardState.FAILED : job.state;
        }
        Instant now = Instant.now();
        job.attempts++;
        job.lastError = error;
        job.updatedAt = now;
        if (permanent || job.attempts >= archive.forward().maxAttempts()) {
            job.state = ForwardState.FAILED;
        } else {
            job.nextAttemptAt = now.plus(archive.forward().backoff(job.attempts));
        }
        return job.state;
    }
}
