package org.consilium.radiotherapy.submission;

import java.time.Duration;
import java.time.Instant;

/**
 * The review clock of a submission's current version, as consults have theirs: from entering the review
 * queue to the reviewers' decision (return or approval), against the target a case manager set with the
 * priority (or the configured default). A clock that has not stopped shows the time elapsed so far and
 * {@code running = true}; before the plan enters the queue every field but the target is null.
 *
 * @param overdue the clock passed its due time (still running, or stopped after it)
 */
public record SlaClock(Instant queuedAt, Integer targetHours, Instant dueAt, Instant decidedAt, Long toDecisionSeconds,
                       boolean running, boolean overdue) {

    static SlaClock of(PlanSubmission s, Instant now) {
        if (s.queuedAt == null) {
            return new SlaClock(null, s.slaHours, null, null, null, false, false);
        }
        boolean running = s.decidedAt == null;
        Instant end = running ? now : s.decidedAt;
        return new SlaClock(s.queuedAt, s.slaHours, s.dueAt, s.decidedAt, Duration.between(s.queuedAt, end).toSeconds(),
                running, s.dueAt != null && end.isAfter(s.dueAt));
    }
}
