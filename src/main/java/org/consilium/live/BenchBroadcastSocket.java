package org.consilium.live;

import io.quarkus.websockets.next.OnClose;
import io.quarkus.websockets.next.OnOpen;
import io.quarkus.websockets.next.OnTextMessage;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The baseline of the live load benchmark (bench/live-load): a bare websockets-next broadcast that relays
 * every text message to the sockets of the same room, with no auth, persistence or ordering. Cursors are
 * merged per room every 50 ms, as the real rooms do, so that the baseline carries the same traffic shape
 * and the comparison measures persistence and ordering, not an uncoalesced 10 Hz flood.
 * Closed (4404) unless {@code consilium.live.bench-broadcast=true}; never enable it in production.
 */
@WebSocket(path = "/bench/broadcast/{room}")
public class BenchBroadcastSocket {

    @Inject
    LiveConfig config;

    private static final Map<String, Set<WebSocketConnection>> ROOMS = new ConcurrentHashMap<>();
    /** room → connection id → that connection's latest cursor message, waiting for the next merge. */
    private static final Map<String, Map<String, String>> CURSORS = new ConcurrentHashMap<>();
    private static final long MERGE_MILLIS = 50;
    private static volatile ScheduledExecutorService merger;

    @OnOpen
    void open(WebSocketConnection connection) {
        if (!config.benchBroadcast()) {
            RoomSocket.close(connection, CloseCodes.NOT_FOUND, "disabled");
            return;
        }
        ROOMS.computeIfAbsent(connection.pathParam("room"), r -> ConcurrentHashMap.newKeySet()).add(connection);
        startMerger();
    }

    @OnTextMessage
    void message(WebSocketConnection connection, String text) {
        String room = connection.pathParam("room");
        if (text.contains("\"op\":\"cursor\"")) {
            CURSORS.computeIfAbsent(room, r -> new ConcurrentHashMap<>()).put(connection.id(), text);
            return;
        }
        relay(room, text);
    }

    private static void relay(String room, String text) {
        for (WebSocketConnection c : ROOMS.getOrDefault(room, Set.of())) {
            c.sendText(text).subscribe().with(ok -> { }, failure -> { });
        }
    }

    private static synchronized void startMerger() {
        if (merger == null) {
            merger = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("bench-cursors").factory());
            merger.scheduleAtFixedRate(BenchBroadcastSocket::mergeCursors, MERGE_MILLIS, MERGE_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    private static void mergeCursors() {
        for (Map.Entry<String, Map<String, String>> room : CURSORS.entrySet()) {
            Map<String, String> pending = room.getValue();
            if (pending.isEmpty()) {
                continue;
            }
            List<String> items = new ArrayList<>();
            for (String id : List.copyOf(pending.keySet())) {
                String cursor = pending.remove(id);
                if (cursor != null) {
                    items.add(cursor);
                }
            }
            relay(room.getKey(), "{\"v\":1,\"type\":\"cursors\",\"items\":[" + String.join(",", items) + "]}");
        }
    }

    @OnClose
    void closed(WebSocketConnection connection) {
        Set<WebSocketConnection> room = ROOMS.get(connection.pathParam("room"));
        if (room != null) {
            room.remove(connection);
        }
    }
}
