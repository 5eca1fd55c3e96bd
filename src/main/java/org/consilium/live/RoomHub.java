package org.consilium.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * The sockets of this replica by room, and the fan-out of each room's log to them. A room's pump reads
 * the events after the lowest seq any of its sockets has been given and offers each socket exactly the
 * events above its own position, in seq order; one pump per room runs at a time. Pumps are requested by
 * NOTIFY from any replica (including this one), by a socket joining, and by the periodic catch-up.
 */
@ApplicationScoped
public class RoomHub {

    private static final Logger LOG = Logger.getLogger(RoomHub.class);
    private static final int BATCH = 500;

    @Inject
    RoomLog log;
    @Inject
    ObjectMapper json;
    @Inject
    LiveStages stages;

    private final Map<UUID, LocalRoom> rooms = new ConcurrentHashMap<>();
    private final ExecutorService pumps = Executors.newVirtualThreadPerTaskExecutor();

    /** Starts delivering the room's events above {@code peer.delivered} to the socket. */
    void add(Peer peer) {
        peer.onDrained = () -> request(peer.roomId);
        rooms.compute(peer.roomId, (id, room) -> {
            LocalRoom r = room == null ? new LocalRoom(id) : room;
            r.peers.add(peer);
            return r;
        });
        request(peer.roomId);
    }

    void remove(Peer peer) {
        rooms.computeIfPresent(peer.roomId, (id, room) -> {
            room.peers.remove(peer);
            return room.peers.isEmpty() ? null : room;
        });
    }

    /** Makes the room's pump read the log from the lowest position of its sockets. */
    public void request(UUID roomId) {
        LocalRoom room = rooms.get(roomId);
        if (room != null) {
            room.readDb.set(true);
            room.wake();
        }
    }

    /** A replica committed {@code seq} in the room (NOTIFY). */
    void notified(UUID roomId, long seq) {
        LocalRoom room = rooms.get(roomId);
        if (room != null) {
            room.knownHead.accumulateAndGet(seq, Math::max);
            room.wake();
        }
    }

    /** Reads every local room's log: after the listener reconnected, and periodically in case a NOTIFY was lost. */
    public void requestAll() {
        rooms.keySet().forEach(this::request);
    }

    /**
     * An event this replica has just committed, or another one's carried whole by its NOTIFY: kept for the
     * pump, which then need not read it back. When the room's pump is idle and has every event before it in
     * memory, the event is fanned out on the calling thread (which may be an event loop, the NOTIFY
     * listener's or an op's own, with or without a transaction: this never reads the log); a pump that must
     * read the log goes on on a virtual thread.
     */
    void committed(UUID roomId, RoomLog.Stored event) {
        LocalRoom room = remember(roomId, event);
        if (room != null) {
            room.wakeHere();
        }
    }

    /** Keeps the event for the room's pump; null when there is nothing to fan out here. */
    private LocalRoom remember(UUID roomId, RoomLog.Stored event) {
        LocalRoom room = rooms.get(roomId);
        // this replica's own events come back by NOTIFY, mostly after every socket here has had them:
        // nothing to add then, and no pump to wake
        if (room != null && !room.recent.containsKey(event.seq()) && !room.deliveredEverywhere(event.seq())) {
            room.toldAt.put(event.seq(), System.nanoTime());
            room.recent.put(event.seq(), event);
            room.knownHead.accumulateAndGet(event.seq(), Math::max);
            return room;
        }
        return null;
    }

    Collection<Peer> peers(UUID roomId) {
        LocalRoom room = rooms.get(roomId);
        return room == null ? List.of() : room.peers;
    }

    Set<UUID> roomIds() {
        return rooms.keySet();
    }

    /** Sends an ephemeral frame to the room's local sockets; slow sockets skip it. */
    void ephemeral(UUID roomId, String frame) {
        for (Peer p : peers(roomId)) {
            p.offerEphemeral(frame);
        }
    }

    @PreDestroy
    void stop() {
        pumps.shutdownNow();
    }

    static String frame(RoomLog.Stored event) {
        return "{\"v\":1,\"type\":\"event\",\"seq\":" + event.seq() + ",\"event\":" + event.body() + "}";
    }

    private final class LocalRoom {
        final UUID id;
        final Set<Peer> peers = ConcurrentHashMap.newKeySet();
        final AtomicBoolean dirty = new AtomicBoolean();
        final AtomicBoolean running = new AtomicBoolean();
        /** The highest seq this replica has heard of (its own commits and NOTIFY). */
        final AtomicLong knownHead = new AtomicLong();
        /** Set when the pump must read the log even if no newer seq is known (join, drain, catch-up). */
        final AtomicBoolean readDb = new AtomicBoolean(true);
        /** Events committed here or carried by a NOTIFY, by seq, not yet given to every local socket. */
        final ConcurrentSkipListMap<Long, RoomLog.Stored> recent = new ConcurrentSkipListMap<>();
        /** When this replica was told of each event in {@link #recent} (the fan-out stage's start). */
        final ConcurrentSkipListMap<Long, Long> toldAt = new ConcurrentSkipListMap<>();

        LocalRoom(UUID id) {
            this.id = id;
        }

        boolean deliveredEverywhere(long seq) {
            for (Peer p : peers) {
                if (p.delivered < seq && !p.closed()) {
                    return false;
                }
            }
            return true;
        }

        void wake() {
            dirty.set(true);
            if (running.compareAndSet(false, true)) {
                pumps.execute(this::run);
            }
        }

        /** Pumps on this thread from memory only; hands the pump to a virtual thread when it must read the log. */
        void wakeHere() {
            dirty.set(true);
            if (!running.compareAndSet(false, true)) {
                return;
            }
            try {
                while (dirty.getAndSet(false)) {
                    if (!pump(false)) {
                        dirty.set(true);
                        pumps.execute(this::run); // still running: the virtual thread takes the pump over
                        return;
                    }
                }
            } catch (RuntimeException e) {
                LOG.warnf(e, "fan-out of room %s failed; the next wake-up retries", id);
            }
            running.set(false);
            if (dirty.get()) {
                wake(); // woken while this thread was finishing
            }
        }

        private void run() {
            do {
                try {
                    while (dirty.getAndSet(false)) {
                        pump(true);
                    }
                } catch (RuntimeException e) {
                    LOG.warnf(e, "fan-out of room %s failed; the next wake-up retries", id);
                } finally {
                    running.set(false);
                }
            } while (dirty.get() && running.compareAndSet(false, true));
        }

        /**
         * Offers each socket the events above its position. With {@code mayRead} false it does not read the
         * log: it returns false, having delivered what it had in memory, when the log must be read.
         */
        private boolean pump(boolean mayRead) {
            Set<Peer> waiting = new HashSet<>(); // replaying sockets with a full queue
            if (!mayRead && readDb.get()) {
                return false;
            }
            boolean force = readDb.getAndSet(false);
            while (true) {
                long from = Long.MAX_VALUE;
                for (Peer p : peers) {
                    if (!p.closed() && !waiting.contains(p)) {
                        from = Math.min(from, p.delivered);
                    }
                }
                if (from == Long.MAX_VALUE || !force && from >= knownHead.get()) {
                    return true;
                }
                recent.headMap(from, true).clear();
                toldAt.headMap(from, true).clear();
                List<RoomLog.Stored> batch = cached(from);
                boolean fromCache = !batch.isEmpty();
                if (!fromCache) {
                    if (!mayRead) {
                        return false;
                    }
                    batch = log.after(id, from, BATCH);
                    force = false;
                }
                for (RoomLog.Stored event : batch) {
                    String frame = frame(event);
                    for (Peer p : peers) {
                        if (p.delivered >= event.seq() || waiting.contains(p) || p.closed()) {
                            continue;
                        }
                        if (p.delivered < event.seq() - 1) {
                            // joined behind this batch while it went out: the next pass reads its gap from the log
                            readDb.set(true);
                            dirty.set(true);
                            continue;
                        }
                        if (p.offerEvent(frame)) {
                            p.delivered = event.seq();
                            control(p, event);
                        } else if (p.replaying()) {
                            waiting.add(p);
                        } else {
                            p.closeNow(CloseCodes.SLOW_CLIENT, "slow client: reconnect with lastSeq");
                        }
                    }
                    Long told = toldAt.remove(event.seq());
                    if (told != null) {
                        stages.since(LiveStages.Stage.FANOUT, told);
                    }
                }
                if (batch.isEmpty() || !fromCache && batch.size() < BATCH) {
                    return true; // read to the end of the log
                }
                // after a run from the cache, go on while a newer seq is known (knownHead check above)
            }
        }

        /** The run of events right after {@code from} that this replica committed itself, if any. */
        private List<RoomLog.Stored> cached(long from) {
            List<RoomLog.Stored> run = new ArrayList<>();
            long next = from + 1;
            for (RoomLog.Stored e : recent.tailMap(from, false).values()) {
                if (e.seq() != next || run.size() == BATCH) {
                    break;
                }
                run.add(e);
                next++;
            }
            return run;
        }

        /** Events that end sockets: a revoked admission, a closed room. */
        private void control(Peer p, RoomLog.Stored event) {
            if (event.type().equals("room.closed")) {
                p.closeAfterQueued(CloseCodes.ROOM_CLOSED, "room closed");
            } else if (event.type().equals("participant.revoked") && p.actor.userId().equals(userOf(event))) {
                p.closeAfterQueued(CloseCodes.FORBIDDEN, "no longer a participant");
            }
        }

        private String userOf(RoomLog.Stored event) {
            try {
                JsonNode node = json.readTree(event.body());
                return node.path("data").path("userId").asText();
            } catch (java.io.IOException e) {
                return "";
            }
        }
    }
}
