package org.consilium.live;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Cursors and viewports while dragging: never persisted. Each socket's latest state per kind replaces the
 * previous one, and every interval (50 ms by default) each room gets one frame with what changed, on this
 * replica and, through NOTIFY payloads shared by all rooms of the tick, on the others.
 */
@ApplicationScoped
public class Ephemera {

    private static final Logger LOG = Logger.getLogger(Ephemera.class);

    @Inject
    ObjectMapper json;
    @Inject
    LiveConfig config;
    @Inject
    RoomHub hub;
    @Inject
    Backplane backplane;
    @Inject
    Replica replica;
    @Inject
    Frames frames;

    private final Map<UUID, Map<String, ObjectNode>> pending = new ConcurrentHashMap<>();
    private ScheduledExecutorService ticker;

    void start(@Observes StartupEvent ev) {
        ticker = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("live-ephemera").factory());
        long every = config.ephemeralInterval().toMillis();
        ticker.scheduleAtFixedRate(this::flushQuietly, every, every, TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent ev) {
        if (ticker != null) {
            ticker.shutdownNow();
        }
    }

    void put(Peer peer, String kind, ObjectNode state) {
        ObjectNode item = json.createObjectNode();
        item.put("kind", kind);
        item.put("userId", peer.actor.userId());
        item.put("connectionId", peer.id());
        item.set("state", state);
        pending.computeIfAbsent(peer.roomId, id -> new ConcurrentHashMap<>()).put(kind + ":" + peer.id(), item);
    }

    private void flushQuietly() {
        try {
            flush();
        } catch (RuntimeException e) {
            LOG.warnf(e, "ephemeral flush failed");
        }
    }

    private void flush() {
        Outbox outbox = new Outbox();
        for (UUID roomId : pending.keySet()) {
            Map<String, ObjectNode> items = pending.remove(roomId);
            if (items == null || items.isEmpty()) {
                continue;
            }
            // items are serialised once and packed into frames that fit one NOTIFY payload
            StringBuilder chunk = new StringBuilder();
            for (ObjectNode item : items.values()) {
                String text = frames.text(item);
                if (chunk.length() > 0 && chunk.length() + text.length() > Backplane.MAX_PAYLOAD - 200) {
                    send(roomId, chunk, outbox);
                    chunk.setLength(0);
                }
                chunk.append(chunk.length() == 0 ? "" : ",").append(text);
            }
            send(roomId, chunk, outbox);
        }
        outbox.flush();
    }

    /** Sends a room's frame to its local sockets and, unless this replica is alone, to the tick's outbox. */
    private void send(UUID roomId, CharSequence items, Outbox outbox) {
        String frame = "{\"v\":" + Frames.VERSION + ",\"type\":\"ephemeral\",\"items\":[" + items + "]}";
        hub.ephemeral(roomId, frame);
        if (!replica.alone()) {
            outbox.add(replica.id() + "|" + roomId + "|" + frame); // compact JSON: never a raw newline
        }
    }

    /**
     * One tick's frames for the other replicas: all rooms share NOTIFY payloads, a line each, while they fit,
     * instead of one NOTIFY per room (400 a second for 20 busy rooms).
     */
    private final class Outbox {
        private final StringBuilder lines = new StringBuilder();
        private int bytes;

        void add(String line) {
            int n = line.getBytes(StandardCharsets.UTF_8).length;
            if (n > Backplane.MAX_PAYLOAD) {
                return; // a frame of long Chinese text may not fit: it stays on this replica
            }
            if (bytes > 0 && bytes + 1 + n > Backplane.MAX_PAYLOAD) {
                flush();
            }
            lines.append(bytes > 0 ? "\n" : "").append(line);
            bytes += (bytes > 0 ? 1 : 0) + n;
        }

        void flush() {
            if (bytes > 0) {
                backplane.notify(Backplane.EPHEMERAL, lines.toString());
                lines.setLength(0);
                bytes = 0;
            }
        }
    }
}
