package org.consilium.archive.forward;

import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Forwarding queue settings ({@code consilium.archive.forward.*}), a group of {@link org.consilium.archive.ArchiveConfig}. */
public interface ForwardConfig {

    /** How often each replica looks for due jobs (read by {@link ForwardWorker}'s schedule). */
    @WithDefault("5s")
    Duration pollInterval();

    /** Wait after the first failed attempt; it doubles with each further failure. */
    @WithDefault("10s")
    Duration backoffBase();

    /** The longest wait between attempts. */
    @WithDefault("1h")
    Duration backoffCap();

    /** Attempts before a job is FAILED. */
    @WithDefault("8")
    int maxAttempts();

    /** Jobs claimed per worker round; one association per target AE per round. */
    @WithDefault("100")
    int batchSize();

    /**
     * How long a claimed job stays hidden from other workers. A worker that dies mid-send leaves its jobs
     * PENDING, and they are picked up again after this.
     */
    @WithDefault("10m")
    Duration lease();

    /** The wait after {@code attempts} failed attempts: base × 2^(attempts−1), at most the cap. */
    default Duration backoff(int attempts) {
        int doublings = Math.min(Math.max(attempts - 1, 0), 30);
        Duration d = backoffBase().multipliedBy(1L << doublings);
        return d.compareTo(backoffCap()) > 0 ? backoffCap() : d;
    }
}
