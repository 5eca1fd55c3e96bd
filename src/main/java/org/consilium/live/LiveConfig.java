package org.consilium.live;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Settings of live rooms (application.properties, prefix {@code consilium.live}). */
@ConfigMapping(prefix = "consilium.live")
public interface LiveConfig {

    /** How long a socket ticket stays redeemable. */
    @WithDefault("30s")
    Duration ticketTtl();

    /** How long an edit lease lasts unless renewed. */
    @WithDefault("30s")
    Duration leaseTtl();

    /** Frames waiting for one socket before it counts as a slow client and is closed (4408). */
    @WithDefault("2048")
    int queueCapacity();

    /** Largest text message a client may send; larger ones get error {@code too-large}. */
    @WithDefault("65536")
    int maxMessageBytes();

    /** Persistent operations per second and socket (token bucket), and the burst above it. */
    @WithDefault("20")
    int opsPerSecond();

    @WithDefault("40")
    int opsBurst();

    /** Ephemeral messages (cursor, viewport drag) per second and socket; more are dropped. */
    @WithDefault("30")
    int ephemeralPerSecond();

    /** How often coalesced ephemeral state is sent out. */
    @WithDefault("50ms")
    Duration ephemeralInterval();

    /** This replica's name in presence rows; a random one when unset. */
    Optional<String> replicaId();

    /** A replica not heard from for this long loses its presence rows and leases. */
    @WithDefault("30s")
    Duration replicaTimeout();
}
