package org.consilium.live;

import io.quarkus.websockets.next.OnClose;
import io.quarkus.websockets.next.OnOpen;
import io.quarkus.websockets.next.OnTextMessage;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;
import jakarta.inject.Inject;

/**
 * The bare websockets-next broadcast that the live load benchmark (bench/live-load) compares the rooms
 * against; {@link BenchBroadcast} relays. Closed (4404) unless {@code consilium.live.bench-broadcast=true};
 * never enable it in production.
 */
@WebSocket(path = "/bench/broadcast/{room}")
public class BenchBroadcastSocket {

    @Inject
    LiveConfig config;
    @Inject
    BenchBroadcast broadcast;

    @OnOpen
    void open(WebSocketConnection connection) {
        if (!config.benchBroadcast()) {
            RoomSocket.close(connection, CloseCodes.NOT_FOUND, "disabled");
            return;
        }
        broadcast.joined(connection.pathParam("room"), connection);
    }

    @OnTextMessage
    void message(WebSocketConnection connection, String text) {
        if (config.benchBroadcast()) {
            broadcast.received(connection.pathParam("room"), connection, text);
        }
    }

    @OnClose
    void closed(WebSocketConnection connection) {
        broadcast.left(connection.pathParam("room"), connection);
    }
}
