package org.consilium.live;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Cursors and viewports while dragging: never persisted. Each socket's latest state per kind replaces the
 * previous one, and every interval (50 ms by default) each room's local sockets get one frame with what
 * changed. The other replicas get the same items in {@link Envelope}s (packed with the tick's other rooms
 * into shared NOTIFY payloads by the announcer), and merge them into their own next frame for the room, so
 * that a socket gets one frame per tick however many replicas serve its room.
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
    private final Map<UUID, StringBuilder> relayed = new ConcurrentHashMap<>();
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

    /**
     * Items another replica sent for a room (comma-joined JSON objects), merged into this replica's next
     * frame for it; dropped when no socket of the room is on this replica.
     */
    void relayed(UUID roomId, String items) {
        if (hub.peers(roomId).isEmpty()) {
            return;
        }
        relayed.merge(roomId, new StringBuilder(items), (earlier, later) -> earlier.append(',').append(later));
    }

    private void flush() {
        Set<UUID> rooms = new HashSet<>(pending.keySet());
        rooms.addAll(relayed.keySet());
        for (UUID roomId : rooms) {
            Map<String, ObjectNode> items = pending.remove(roomId);
            StringBuilder fromOthers = relayed.remove(roomId);
            StringBuilder all = fromOthers == null ? new StringBuilder() : fromOthers;
            if (items != null && !items.isEmpty()) {
                // items are serialised once; for the other replicas they are packed into lines that fit a NOTIFY
                StringBuilder chunk = new StringBuilder();
                for (ObjectNode item : items.values()) {
                    String text = frames.text(item);
                    if (chunk.length() > 0 && chunk.length() + text.length() > Envelope.MAX_PAYLOAD - 200) {
                        toOthers(roomId, chunk);
                        chunk.setLength(0);
                    }
                    chunk.append(chunk.length() == 0 ? "" : ",").append(text);
                    all.append(all.length() == 0 ? "" : ",").append(text);
                }
                toOthers(roomId, chunk);
            }
            if (all.length() > 0) {
                hub.ephemeral(roomId, "{\"v\":" + Frames.VERSION + ",\"type\":\"ephemeral\",\"items\":[" + all + "]}");
            }
        }
    }

    /** A room's items for the other replicas; none when this replica is alone, or when they do not fit. */
    private void toOthers(UUID roomId, CharSequence items) {
        if (!replica.alone()) {
            backplane.publish(Envelope.EPHEMERAL, roomId.toString(), items.toString());
        }
    }
}
