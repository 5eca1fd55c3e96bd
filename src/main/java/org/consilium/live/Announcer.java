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
 * Sends the replica's NOTIFYs from one thread, on a pooled connection of its own, outside any caller's
 * transaction: whatever has queued up goes out in one autocommitted statement, its envelopes packed into
 * as few payloads as fit, in queue order. A failed batch is logged and dropped: listeners must tolerate
 * lost notifications (room events are read back by seq; pushes and cursors are best effort).
 */
final class Announcer {

    private static final Logger LOG = Logger.getLogger(Announcer.class);
    private static final int MAX_BATCH = 500;

    private final DataSource dataSource;
    private final BlockingQueue<Envelope> queue = new LinkedBlockingQueue<>();
    private final Thread sender;
    private volatile boolean running = true;

    Announcer(DataSource dataSource) {
        this.dataSource = dataSource;
        this.sender = Thread.ofPlatform().daemon().name("live-notify").start(this::loop);
    }

    /** Queues an envelope that {@linkplain Envelope#fits fits}. */
    void add(Envelope envelope) {
        queue.add(envelope);
    }

    void stop() {
        running = false;
        sender.interrupt();
    }

    private void loop() {
        List<Envelope> batch = new ArrayList<>();
        while (running) {
            try {
                batch.add(queue.take());
                queue.drainTo(batch, MAX_BATCH - 1);
                send(payloads(batch));
            } catch (InterruptedException e) {
                return;
            } catch (SQLException | RuntimeException e) {
                LOG.warnf("NOTIFY of %d envelopes failed (%s)", batch.size(), e.getMessage());
            }
            batch.clear();
        }
    }

    /** The envelopes' lines joined by newlines into payloads of at most {@link Envelope#MAX_PAYLOAD} bytes. */
    static List<String> payloads(List<Envelope> envelopes) {
        List<String> out = new ArrayList<>();
        StringBuilder payload = new StringBuilder();
        int bytes = 0;
        for (Envelope e : envelopes) {
            int n = e.bytes();
            if (bytes > 0 && bytes + 1 + n > Envelope.MAX_PAYLOAD) {
                out.add(payload.toString());
                payload.setLength(0);
                bytes = 0;
            }
            payload.append(bytes > 0 ? "\n" : "").append(e.line());
            bytes += (bytes > 0 ? 1 : 0) + n;
        }
        if (bytes > 0) {
            out.add(payload.toString());
        }
        return out;
    }

    private void send(List<String> payloads) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "select pg_notify(?, p) from unnest(?::text[]) with ordinality as t(p, n) order by n")) {
            ps.setString(1, Backplane.CHANNEL);
            ps.setArray(2, c.createArrayOf("text", payloads.toArray()));
            ps.execute();
        }
    }
}
