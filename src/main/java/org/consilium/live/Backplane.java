package org.consilium.live;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Connects the replicas through PostgreSQL. One dedicated pgjdbc connection (outside the pool) LISTENs;
 * a room event's NOTIFY, sent after its commit, says "room r has reached seq s" and carries the event when
 * it fits. A replica fans out from NOTIFYs only while their seqs follow on without a gap, and otherwise
 * reads the events by seq, so a lost or coalesced NOTIFY costs latency, never an event. After the listener reconnects, every
 * local room catches up by seq. Ephemeral items and user pushes travel in the NOTIFY payload itself.
 */
@ApplicationScoped
public class Backplane {

    static final String EPHEMERAL = "live_ephemeral";
    static final String USER = "live_user";
    /** PostgreSQL refuses NOTIFY payloads of 8000 bytes or more. */
    static final int MAX_PAYLOAD = 7900;

    private static final Logger LOG = Logger.getLogger(Backplane.class);
    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String url;
    @ConfigProperty(name = "quarkus.datasource.username")
    String user;
    @ConfigProperty(name = "quarkus.datasource.password")
    String password;
    @Inject
    DataSource dataSource;
    @Inject
    RoomHub hub;
    @Inject
    UserChannel users;
    @Inject
    Ephemera ephemera;
    @Inject
    Replica replica;
    @Inject
    LiveConfig config;
    @Inject
    BenchBroadcast bench;

    private volatile boolean running;
    private volatile Thread listener;
    private volatile Announcer announcer;
    private volatile boolean listening;

    void start(@Observes StartupEvent ev) {
        running = true;
        announcer = new Announcer(RoomLog.CHANNEL, dataSource);
        listener = Thread.ofPlatform().daemon().name("live-listen").start(this::listen);
    }

    void stop(@Observes ShutdownEvent ev) {
        running = false;
        if (listener != null) {
            listener.interrupt();
        }
        if (announcer != null) {
            announcer.stop();
        }
    }

    /** True once the LISTEN connection is up (readiness of the fan-out). */
    public boolean listening() {
        return listening;
    }

    /** True if the payload is small enough for a NOTIFY (PostgreSQL counts bytes, not characters). */
    static boolean fits(String payload) {
        return payload.length() <= MAX_PAYLOAD / 3
                || payload.getBytes(java.nio.charset.StandardCharsets.UTF_8).length <= MAX_PAYLOAD;
    }

    /** Sends a NOTIFY outside any transaction. */
    void notify(String channel, String payload) {
        if (!fits(payload)) {
            throw new IllegalArgumentException("NOTIFY payload too large: " + payload.length());
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "select " + Announcer.NO_WAL_WAIT + ", pg_notify(?, ?)")) {
            ps.setString(1, channel);
            ps.setString(2, payload);
            ps.execute();
        } catch (SQLException e) {
            throw new IllegalStateException("NOTIFY " + channel + " failed", e);
        }
    }

    /**
     * Queues a committed room event's NOTIFY ({@link RoomLog#notification}); if it is lost, the other
     * replicas read the event by seq when the next one arrives or their listener reconnects.
     */
    void announce(String payload) {
        announcer.add(payload);
    }

    private void listen() {
        while (running) {
            try (Connection c = DriverManager.getConnection(url, user, password)) {
                try (Statement s = c.createStatement()) {
                    s.execute("LISTEN " + RoomLog.CHANNEL);
                    s.execute("LISTEN " + EPHEMERAL);
                    s.execute("LISTEN " + USER);
                    if (config.benchBroadcast()) {
                        s.execute("LISTEN " + BenchBroadcast.CHANNEL);
                    }
                }
                listening = true;
                hub.requestAll(); // whatever was committed while we were not listening
                // beat first, so that the others' next heartbeat counts this replica too and cannot undo the
                // hello, which makes replicas that thought themselves alone send their items at once
                replica.beat();
                notify(EPHEMERAL, hello());
                PGConnection pg = c.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] batch = pg.getNotifications(1000);
                    if (batch != null) {
                        for (PGNotification n : batch) {
                            dispatch(n.getName(), n.getParameter());
                        }
                    }
                }
            } catch (SQLException | RuntimeException e) {
                listening = false;
                if (running) {
                    LOG.warnf("live backplane listener lost its connection (%s); reconnecting", e.getMessage());
                    sleep();
                }
            }
        }
    }

    /** What a replica says on {@link #EPHEMERAL} when its listener connects: its name and no room. */
    String hello() {
        return replica.id() + "||";
    }

    private void dispatch(String channel, String payload) {
        try {
            switch (channel) {
                case RoomLog.CHANNEL -> {
                    // <roomId>:<seq>[:<type>:<body>]
                    int a = payload.indexOf(':');
                    int b = payload.indexOf(':', a + 1);
                    UUID roomId = UUID.fromString(payload.substring(0, a));
                    if (b < 0) {
                        hub.notified(roomId, Long.parseLong(payload.substring(a + 1)));
                    } else {
                        int c = payload.indexOf(':', b + 1);
                        // fanned out on this thread when the room's pump has every event before it in memory,
                        // as the bare broadcast's relay does; a gap hands the pump to a virtual thread
                        hub.committed(roomId, new RoomLog.Stored(Long.parseLong(payload.substring(a + 1, b)),
                                payload.substring(b + 1, c), payload.substring(c + 1)));
                    }
                }
                case EPHEMERAL -> {
                    // lines of <replica>|<roomId>|<items>, or a replica's hello: <replica>||
                    for (String line : payload.split("\n")) {
                        int a = line.indexOf('|');
                        int b = line.indexOf('|', a + 1);
                        String from = line.substring(0, a);
                        if (!from.equals(replica.id())) {
                            replica.heardAnother();
                            if (b > a + 1) {
                                ephemera.relayed(UUID.fromString(line.substring(a + 1, b)), line.substring(b + 1));
                            }
                        }
                    }
                }
                case USER -> {
                    int a = payload.indexOf('|');
                    users.deliver(payload.substring(0, a), payload.substring(a + 1));
                }
                case BenchBroadcast.CHANNEL -> bench.relayed(payload);
                default -> LOG.debugf("ignoring NOTIFY on %s", channel);
            }
        } catch (RuntimeException e) {
            LOG.warnf(e, "bad NOTIFY on %s", channel);
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
