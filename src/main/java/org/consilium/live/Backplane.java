package org.consilium.live;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import javax.sql.DataSource;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Connects the replicas through PostgreSQL's LISTEN/NOTIFY on one channel, whose payloads are lines of
 * {@link Envelope}s. What this replica publishes leaves from its {@link Announcer}, never on a caller's
 * connection, and, when published inside a transaction, only after that transaction has committed. One
 * connection taken from the datasource for good LISTENs and hands what arrives to the room fan-out, the
 * ephemeral merge and the user channels. After it reconnects, every local room catches up by seq.
 */
@ApplicationScoped
public class Backplane {

    static final String CHANNEL = "consilium_live";
    private static final Logger LOG = Logger.getLogger(Backplane.class);

    @Inject
    DataSource dataSource;
    @Inject
    TransactionSynchronizationRegistry transactions;
    @Inject
    RoomHub hub;
    @Inject
    UserChannel users;
    @Inject
    Ephemera ephemera;
    @Inject
    Replica replica;

    private volatile boolean running;
    private volatile Thread listener;
    private volatile Announcer announcer;

    void start(@Observes StartupEvent ev) {
        running = true;
        announcer = new Announcer(dataSource);
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

    /**
     * Publishes an envelope from this replica to every replica (itself included). Inside an active
     * transaction it is queued when that transaction commits and dropped when it rolls back.
     *
     * @return false, publishing nothing, when the envelope does not fit a NOTIFY
     */
    boolean publish(String kind, String target, String body) {
        return publish(new Envelope(kind, replica.id(), target, body));
    }

    /** Publishes a committed room event, whole when it fits a NOTIFY, else its seq. */
    void publishEvent(UUID roomId, RoomLog.Stored event) {
        publish(Envelope.event(replica.id(), roomId.toString(), event));
    }

    boolean publish(Envelope envelope) {
        if (!envelope.fits()) {
            return false;
        }
        afterCommit(() -> announcer.add(envelope));
        return true;
    }

    /**
     * Runs the action once the caller's transaction has committed, and never if it rolls back; at once when
     * there is no active transaction. The one after-commit hook of the live rooms.
     */
    void afterCommit(Runnable action) {
        if (transactions.getTransactionKey() == null || transactions.getTransactionStatus() != Status.STATUS_ACTIVE) {
            action.run();
            return;
        }
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    action.run();
                }
            }
        });
    }

    private void listen() {
        while (running) {
            try (Connection c = dataSource.getConnection()) {
                try (Statement s = c.createStatement()) {
                    s.execute("LISTEN " + CHANNEL);
                }
                try {
                    hub.requestAll(); // whatever was committed while we were not listening
                    // beat first, so that the others' next heartbeat counts this replica too and cannot undo
                    // the hello, which makes replicas that thought themselves alone send their items at once
                    replica.beat();
                    publish(Envelope.HELLO, "", "");
                    PGConnection pg = c.unwrap(PGConnection.class);
                    while (running) {
                        PGNotification[] batch = pg.getNotifications(1000);
                        for (PGNotification n : batch == null ? new PGNotification[0] : batch) {
                            n.getParameter().lines().forEach(this::dispatch);
                        }
                    }
                } finally {
                    unlisten(c); // the connection goes back to the pool
                }
            } catch (SQLException | RuntimeException e) {
                if (running) {
                    LOG.warnf("live backplane listener lost its connection (%s); reconnecting", e.getMessage());
                    sleep();
                }
            }
        }
    }

    private void dispatch(String line) {
        try {
            Envelope e = Envelope.parse(line);
            boolean own = e.replica().equals(replica.id());
            if (!own) {
                replica.heardAnother();
            }
            switch (e.kind()) {
                // this replica fanned its own events out when they committed
                case Envelope.EVENT -> {
                    if (!own) {
                        RoomLog.Stored event = e.stored();
                        if (event == null) {
                            hub.notified(UUID.fromString(e.target()), e.seq());
                        } else {
                            hub.committed(UUID.fromString(e.target()), event);
                        }
                    }
                }
                case Envelope.EPHEMERAL -> {
                    if (!own) {
                        ephemera.relayed(UUID.fromString(e.target()), e.body());
                    }
                }
                case Envelope.USER -> users.deliver(e.target(), e.body());
                case Envelope.HELLO -> { } // heard above
                default -> LOG.debugf("ignoring envelope of kind %s", e.kind());
            }
        } catch (RuntimeException ex) {
            LOG.warnf(ex, "bad NOTIFY line on %s", CHANNEL);
        }
    }

    private static void unlisten(Connection c) {
        try (Statement s = c.createStatement()) {
            s.execute("UNLISTEN *");
        } catch (SQLException gone) {
            // a broken connection is discarded by the pool
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
