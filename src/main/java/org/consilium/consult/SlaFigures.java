package org.consilium.consult;

import java.time.Instant;
import java.util.List;

/**
 * Aggregate SLA clocks over the consults submitted in a window, overall ({@code urgency} null) and per urgency.
 * Times are seconds from first submission; percentiles are over the consults whose clock has stopped.
 * {@code waiting} counts requests not yet triaged, and {@code oldestWaitingSeconds} is the longest such wait.
 */
public record SlaFigures(Instant from, Instant to, List<Row> rows) {

    public record Row(Urgency urgency, long submitted, long triaged, long reachedSession, long waiting,
                      Long oldestWaitingSeconds, Clock toTriage, Clock toSession) {
    }

    /** Median, 90th percentile and maximum of one clock, in seconds; null when no clock has stopped. */
    public record Clock(Double medianSeconds, Double p90Seconds, Double maxSeconds) {
    }
}
