package org.consilium.live;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * NOTIFYs on one channel, sent by one thread: whatever has queued up goes out in a single statement, in
 * queue order, so that a burst of events costs one round trip, not one each. A failed batch is logged and
 * dropped: listeners must tolerate lost notifications (room events are read back by seq).
 */
final class Announcer {

    private static final Logger LOG = Logger.getLogger(Announcer.class);
    /**
     * A NOTIFY's transaction gets a transaction id, and PostgreSQL holds its cluster-wide NOTIFY lock until
     * the commit returns: with synchronous commit, through a WAL flush. Notifications are not durable
     * anyway, so a NOTIFY-only statement commits without waiting for the flush and holds the lock briefly.
     */
    static final String NO_WAL_WAIT = "set_config('synchronous_commit', 'off', true)";
    private static final int MAX_BATCH = 500;

    private final String channel;
    private final DataSource dataSource;
    private final BlockingQueue<String> queue = new LinkedBlockingQueue<>();
    private final Thread sender;
    private volatile boolean running = true;

    Announcer(String channel, DataSource dataSource) {
        this.channel = channel;
        this.dataSource = dataSource;
        this.sender = Thread.ofPlatform().daemon().name("notify-" + channel).start(this::loop);
    }

    /** Queues a payload; the caller has checked that it {@linkplain Backplane#fits fits}. */
    void add(String payload) {
        queue.add(payload);
    }

    void stop() {
        running = false;
        sender.interrupt();
    }

    private void loop() {
        List<String> batch = new ArrayList<>();
        while (running) {
            try {
                batch.add(queue.take());
                queue.drainTo(batch, MAX_BATCH - 1);
                send(batch);
            } catch (InterruptedException e) {
                return;
            } catch (SQLException | RuntimeException e) {
                LOG.warnf("NOTIFY of %d payloads on %s failed (%s)", batch.size(), channel, e.getMessage());
            }
            batch.clear();
        }
    }

    private void send(List<String> payloads) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "select " + NO_WAL_WAIT + ", pg_notify(?, p) from unnest(?::text[]) with ordinality as t(p, n) order by n")) {
            ps.setString(1, channel);
            ps.setArray(2, c.createArrayOf("text", payloads.toArray()));
            ps.execute();
        }
    }
}
