package org.consilium.consult;

import java.time.Duration;
import java.time.Instant;

/**
 * The two clocks of a consult, both from its first submission: to the first triage decision and to the
 * first session. A clock that has not stopped shows the time elapsed so far and {@code running = true};
 * a session clock that can no longer stop (a declined request never reaches a session) is null.
 */
public record SlaClock(Instant submittedAt, Instant triagedAt, Instant sessionAt, Long toTriageSeconds,
                       boolean triageRunning, Long toSessionSeconds, boolean sessionRunning) {

    static SlaClock of(Consult c, Instant now) {
        boolean triageRunning = c.triagedAt == null;
        Long toTriage = seconds(c.submittedAt, triageRunning ? now : c.triagedAt);
        boolean sessionPossible = c.sessionAt != null || !c.state.terminal();
        boolean sessionRunning = c.sessionAt == null && sessionPossible;
        Long toSession = sessionPossible ? seconds(c.submittedAt, sessionRunning ? now : c.sessionAt) : null;
        return new SlaClock(c.submittedAt, c.triagedAt, c.sessionAt, toTriage, triageRunning, toSession,
                sessionRunning);
    }

    private static Long seconds(Instant from, Instant to) {
        return Duration.between(from, to).toSeconds();
    }
}
