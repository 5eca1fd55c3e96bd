package org.consilium.registry.report;

import java.time.Duration;
import java.time.Instant;

/**
 * The clock for recording a report (立即录档): due {@code dueAt}; while it runs, {@code remainingSeconds} counts
 * down (negative once overdue); once recorded, {@code tookSeconds} is how long it took and {@code onTime}
 * whether it stopped before the due time.
 */
public record RecordClock(Instant reportedAt, Instant dueAt, Instant recordedAt, boolean running, boolean overdue,
                          Long remainingSeconds, Long tookSeconds, Boolean onTime) {

    static RecordClock of(TumorReport r, Instant now) {
        if (r.recordedAt == null) {
            long remaining = Duration.between(now, r.recordDueAt).toSeconds();
            return new RecordClock(r.reportedAt, r.recordDueAt, null, true, now.isAfter(r.recordDueAt), remaining,
                    null, null);
        }
        boolean onTime = !r.recordedAt.isAfter(r.recordDueAt);
        return new RecordClock(r.reportedAt, r.recordDueAt, r.recordedAt, false, !onTime, null,
                Duration.between(r.reportedAt, r.recordedAt).toSeconds(), onTime);
    }
}
