package org.consilium.live;

import io.quarkus.websockets.next.OnClose;
import io.quarkus.websockets.next.OnOpen;
import io.quarkus.websockets.next.OnTextMessage;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The baseline of the live load benchmark (bench/live-load): a bare websockets-next broadcast that relays
 * every text message to the sockets of the same room, with no auth, persistence, ordering or coalescing.
 * Closed (4404) unless {@code consilium.live.bench-broadcast=true}; never enable it in production.
 */
@WebSocket(path = "/bench/broadcast/{room}")
public class BenchBroadcastSocket {

    @Inject
    LiveConfig config;

    private static final Map<String, Set<WebSocketConnection>> ROOMS = new ConcurrentHashMap<>();

    @OnOpen
    void open(WebSocketConnection connection) {
        if (!config.benchBroadcast()) {
            RoomSocket.close(connection, CloseCodes.NOT_FOUND, "disabled");
            return;
        }
        ROOMS.computeIfAbsent(connection.pathParam("room"), r -> ConcurrentHashMap.newKeySet()).add(connection);
    }

    @OnTextMessage
    void message(WebSocketConnection connection, String text) {
        for (WebSocketConnection c : ROOMS.getOrDefault(connection.pathParam("room"), Set.of())) {
            c.sendText(text).subscribe().with(ok -> { }, failure -> { });
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
