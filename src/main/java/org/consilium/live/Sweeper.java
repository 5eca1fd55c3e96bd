package org.consilium.live;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.TimeUnit;

/** Housekeeping every replica runs: heartbeat, expired leases, sockets of dead replicas, catch-up. */
@ApplicationScoped
public class Sweeper {

    @Inject
    Replica replica;
    @Inject
    Leases leases;
    @Inject
    Presence presence;
    @Inject
    Tickets tickets;
    @Inject
    RoomHub hub;
    @Inject
    LiveConfig config;

    /** Beats a second after start-up (Quarkus counts {@code delay} in minutes unless told otherwise). */
    @Scheduled(every = "5s", delay = 1, delayUnit = TimeUnit.SECONDS,
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        replica.beat();
        leases.expire();
        for (Presence.Orphan o : presence.orphans(config.replicaTimeout().toMillis())) {
            leases.releaseOrphans(java.util.List.of(o.connectionId()));
            presence.leave(o.roomId(), o.actor(), o.connectionId(), "replica gone");
        }
        tickets.purge();
    }

    /** NOTIFY is not durable: a room whose wake-up was lost still catches up by seq within a second. */
    @Scheduled(every = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void catchUp() {
        hub.requestAll();
    }
}
