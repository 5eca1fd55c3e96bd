package org.consilium.archive.store;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Ingest as Prometheus sees it, by channel ({@code dimse} for C-STORE, {@code http} for STOW-RS and
 * uploads): {@code consilium_ingest_instances_total{channel,outcome}} (stored, duplicate, replaced,
 * refused), {@code consilium_ingest_bytes_total{channel}} and the histogram
 * {@code consilium_ingest_seconds{channel}} from the first byte received to the acknowledgement's
 * precondition (blob durable, index row committed).
 */
@ApplicationScoped
public class IngestMeter {

    private static final Duration[] BUCKETS = {Duration.ofMillis(2), Duration.ofMillis(5), Duration.ofMillis(10),
        Duration.ofMillis(20), Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(200),
        Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(5),
        Duration.ofSeconds(10), Duration.ofSeconds(30)};

    private final MeterRegistry registry;

    IngestMeter(MeterRegistry registry) {
        this.registry = registry;
    }

    void stored(IngestSource source, StoreOutcome outcome, long bytes, long startNanos) {
        String channel = channel(source);
        count(channel, outcome.name().toLowerCase(Locale.ROOT));
        Counter.builder("consilium.ingest.bytes").description("bytes of instances stored").baseUnit("bytes")
                .tag("channel", channel).register(registry).increment(bytes);
        Timer.builder("consilium.ingest").description("time to store one instance, first byte to durable and indexed")
                .tag("channel", channel).serviceLevelObjectives(BUCKETS).register(registry)
                .record(System.nanoTime() - startNanos, TimeUnit.NANOSECONDS);
    }

    void refused(IngestSource source) {
        count(channel(source), "refused");
    }

    private void count(String channel, String outcome) {
        Counter.builder("consilium.ingest.instances").description("instances received, by what storing them did")
                .tag("channel", channel).tag("outcome", outcome).register(registry).increment();
    }

    private static String channel(IngestSource source) {
        return source.sourceAe() != null ? "dimse" : "http";
    }
}
