package org.consilium.live;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.websockets.next.WebSocketConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;

/**
 * The baseline of the live load benchmark (bench/live-load, {@link BenchBroadcastSocket}): every text
 * message relayed to the sockets of the same room, with no auth, persistence or ordering. Cursors are
 * merged per room every 50 ms, as the real rooms do, so that the baseline carries the same traffic shape.
 *
 * <p>With several replicas, a room's sockets may sit on different servers, so a message also crosses to
 * the other replicas as the live rooms' events do, minus what the comparison is about: a NOTIFY carrying
 * the message (queued and batched like a room event's announcement, without a transaction, seq or read
 * back), and each tick's cursors in NOTIFY lines that the other replicas merge into their own next frame.
 * Alone (no other replica beating), it never touches the database.
 */
@ApplicationScoped
public class BenchBroadcast {

    static final String CHANNEL = "bench_broadcast";
    private static final long MERGE_MILLIS = 50;

    @Inject
    DataSource dataSource;
    @Inject
    Replica replica;
    @Inject
    Backplane backplane;
    @Inject
    LiveStages stages;

    private final Map<String, Set<WebSocketConnection>> rooms = new ConcurrentHashMap<>();
    /** room → connection id → that connection's latest cursor message, waiting for the next merge. */
    private final Map<String, Map<String, String>> cursors = new ConcurrentHashMap<>();
    /** room → cursor items other replicas sent since the last merge. */
    private final Map<String, StringBuilder> relayedCursors = new ConcurrentHashMap<>();
    private ScheduledExecutorService merger;
    private Announcer announcer;

    synchronized void joined(String room, WebSocketConnection connection) {
        rooms.computeIfAbsent(room, r -> ConcurrentHashMap.newKeySet()).add(connection);
        if (merger == null) {
            announcer = new Announcer(CHANNEL, dataSource);
            merger = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("bench-cursors").factory());
            merger.scheduleAtFixedRate(this::mergeCursorsQuietly, MERGE_MILLIS, MERGE_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    void left(String room, WebSocketConnection connection) {
        Set<WebSocketConnection> sockets = rooms.get(room);
        if (sockets != null) {
            sockets.remove(connection);
        }
    }

    void received(String room, WebSocketConnection from, String text) {
        if (text.contains("\"op\":\"cursor\"")) {
            cursors.computeIfAbsent(room, r -> new ConcurrentHashMap<>()).put(from.id(), text);
            return;
        }
        relay(room, text);
        String line = replica.id() + "|" + room + "|m|" + text;
        if (!replica.alone() && Backplane.fits(line)) {
            announcer.add(line);
        }
    }

    /** A NOTIFY on {@link #CHANNEL}: lines of {@code <replica>|<room>|m|<message>} or {@code |c|<cursor items>}. */
    void relayed(String payload) {
        for (String line : payload.split("\n")) {
            int a = line.indexOf('|');
            int b = line.indexOf('|', a + 1);
            if (a < 0 || b < 0 || line.substring(0, a).equals(replica.id())) {
                continue;
            }
            String room = line.substring(a + 1, b);
            String text = line.substring(b + 3);
            if (line.charAt(b + 1) == 'm') {
                relay(room, text);
            } else if (rooms.containsKey(room)) {
                relayedCursors.merge(room, new StringBuilder(text), (earlier, later) -> earlier.append(',').append(later));
            }
        }
    }

    /** Sends to the room's sockets here; a message's writes (not a cursor merge's) are timed as {@code bare-send}. */
    private void relay(String room, String text) {
        boolean timed = !text.startsWith("{\"v\":1,\"type\":\"cursors\"");
        long at = System.nanoTime();
        for (WebSocketConnection c : rooms.getOrDefault(room, Set.of())) {
            c.sendText(text).subscribe().with(ok -> {
                if (timed) {
                    stages.since(LiveStages.Stage.BARE_SEND, at);
                }
            }, failure -> { });
        }
    }

    /** A failed tick must not end the schedule (an exception cancels a fixed-rate task silently). */
    private void mergeCursorsQuietly() {
        try {
            mergeCursors();
        } catch (RuntimeException e) {
            org.jboss.logging.Logger.getLogger(BenchBroadcast.class).warnf("bench cursor merge failed (%s)", e.getMessage());
        }
    }

    private void mergeCursors() {
        StringBuilder lines = new StringBuilder();
        for (String room : rooms.keySet()) {
            List<String> items = new ArrayList<>();
            Map<String, String> pending = cursors.getOrDefault(room, Map.of());
            for (String id : List.copyOf(pending.keySet())) {
                String cursor = pending.remove(id);
                if (cursor != null) {
                    items.add(cursor);
                }
            }
            String local = String.join(",", items);
            StringBuilder all = relayedCursors.remove(room);
            if (all == null) {
                all = new StringBuilder(local);
            } else if (!local.isEmpty()) {
                all.append(',').append(local);
            }
            if (!all.isEmpty()) {
                relay(room, "{\"v\":1,\"type\":\"cursors\",\"items\":[" + all + "]}");
            }
            if (!local.isEmpty() && !replica.alone()) {
                String line = replica.id() + "|" + room + "|c|" + local;
                if (lines.length() > 0 && !Backplane.fits(lines + "\n" + line)) {
                    backplane.notify(CHANNEL, lines.toString());
                    lines.setLength(0);
                }
                if (Backplane.fits(line)) {
                    lines.append(lines.length() > 0 ? "\n" : "").append(line);
                }
            }
        }
        if (lines.length() > 0) {
            backplane.notify(CHANNEL, lines.toString());
        }
    }

    synchronized void stop(@Observes ShutdownEvent ev) {
        if (merger != null) {
            merger.shutdownNow();
            announcer.stop();
        }
    }
}
