package org.consilium.live;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import io.quarkus.websockets.next.OpenConnections;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Live rooms on this replica as Prometheus sees them: {@code consilium_live_rooms} (rooms with a socket
 * here), {@code consilium_live_sockets} (room and user sockets open here) and
 * {@code consilium_live_ops_total{op}} (persistent ops answered); the fan-out latency is
 * {@link LiveStages}' {@code consilium_live_stage_seconds}.
 */
@Startup
@ApplicationScoped
class LiveMeters {

    private final MeterRegistry registry;
    /** One counter per op kind, built once: {@link #op} runs on every acknowledged op. */
    private final Map<String, Counter> ops = new ConcurrentHashMap<>();

    @Inject
    LiveMeters(MeterRegistry registry, RoomHub hub, OpenConnections connections) {
        this.registry = registry;
        Gauge.builder("consilium.live.rooms", () -> hub.roomIds().size())
                .description("live rooms with a socket on this replica").register(registry);
        Gauge.builder("consilium.live.sockets", () -> connections.listAll().size())
                .description("live sockets open on this replica").register(registry);
    }

    /** A persistent op answered (acknowledged, or a duplicate's ack). */
    void op(String op) {
        ops.computeIfAbsent(op, o -> Counter.builder("consilium.live.ops").description("persistent live ops answered")
                .tag("op", o).register(registry)).increment();
    }
}
