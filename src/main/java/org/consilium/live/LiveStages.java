package org.consilium.live;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Where a persistent op's time goes on its way from one socket to the others, as the Prometheus timer
 * {@code consilium_live_stage_seconds{stage}} with fixed buckets from 0.25 ms to 1 s, so that a scraper
 * can take any window's percentiles from two scrapes (bench/live-load does). The stages follow each
 * other; each starts where the one before it ends.
 */
@ApplicationScoped
public class LiveStages {

    public enum Stage {
        /** The message handed from the event loop to its virtual thread, until that thread runs. */
        QUEUE,
        /** Taking a pooled JDBC connection for the op's transaction. */
        CONNECTION,
        /** The event's insert and its effect, before the commit. */
        STATEMENTS,
        /** The event's commit, until this replica's fan-out is told of it. */
        COMMIT,
        /** Told of the event (by this replica's commit or another's NOTIFY), until every local socket has it queued. */
        FANOUT,
        /** An event frame queued for a socket, until its write has completed. */
        SEND;

        String tag() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    static final String METER = "consilium.live.stage";
    private static final Duration[] BUCKETS = {
        Duration.ofMillis(1).dividedBy(4), Duration.ofMillis(1).dividedBy(2), Duration.ofMillis(1),
        Duration.ofMillis(2), Duration.ofMillis(3), Duration.ofMillis(4), Duration.ofMillis(5),
        Duration.ofMillis(6), Duration.ofMillis(8), Duration.ofMillis(10), Duration.ofMillis(12),
        Duration.ofMillis(15), Duration.ofMillis(20), Duration.ofMillis(25), Duration.ofMillis(30),
        Duration.ofMillis(40), Duration.ofMillis(50), Duration.ofMillis(75), Duration.ofMillis(100),
        Duration.ofMillis(200), Duration.ofMillis(500), Duration.ofSeconds(1)};

    private final Map<Stage, Timer> timers = new EnumMap<>(Stage.class);

    LiveStages(MeterRegistry registry) {
        for (Stage stage : Stage.values()) {
            timers.put(stage, Timer.builder(METER).tag("stage", stage.tag())
                    .description("time of one stage of a live event's way from a socket to the others")
                    .serviceLevelObjectives(BUCKETS).register(registry));
        }
    }

    /** Records a stage that began at {@code startNanos} ({@link System#nanoTime}) and ends now. */
    void since(Stage stage, long startNanos) {
        timers.get(stage).record(System.nanoTime() - startNanos, TimeUnit.NANOSECONDS);
    }
}
