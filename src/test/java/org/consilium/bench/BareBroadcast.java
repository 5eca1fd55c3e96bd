package org.consilium.bench;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.ServerWebSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The informational baseline of bench/live-load, in the benchmark's own code: a plain Vert.x WebSocket
 * server on {@code /bench/broadcast/{room}} that relays every text message to the sockets of the same room,
 * with no auth, persistence or ordering. Cursors are merged per room every 50 ms, as the live rooms do, so
 * that it carries the same traffic shape. It runs inside the load tool's JVM, so it competes with the
 * clients for the CPU: a floor for comparison, not a target.
 */
final class BareBroadcast implements AutoCloseable {

    private static final String PREFIX = "/bench/broadcast/";
    private final Vertx vertx = Vertx.vertx();
    private final Map<String, Set<ServerWebSocket>> rooms = new ConcurrentHashMap<>();
    private final Map<String, Map<ServerWebSocket, String>> cursors = new ConcurrentHashMap<>();
    private final HttpServer server;

    BareBroadcast() {
        server = vertx.createHttpServer().webSocketHandler(this::joined).listen(0).toCompletionStage()
                .toCompletableFuture().join();
        vertx.setPeriodic(50, tick -> mergeCursors());
    }

    int port() {
        return server.actualPort();
    }

    private void joined(ServerWebSocket socket) {
        if (!socket.path().startsWith(PREFIX)) {
            socket.close((short) 4404);
            return;
        }
        String room = socket.path().substring(PREFIX.length());
        rooms.computeIfAbsent(room, r -> ConcurrentHashMap.newKeySet()).add(socket);
        socket.closeHandler(v -> rooms.get(room).remove(socket));
        socket.textMessageHandler(text -> {
            if (text.contains("\"op\":\"cursor\"")) {
                cursors.computeIfAbsent(room, r -> new ConcurrentHashMap<>()).put(socket, text);
            } else {
                relay(room, text);
            }
        });
    }

    private void relay(String room, String text) {
        for (ServerWebSocket s : rooms.getOrDefault(room, Set.of())) {
            s.writeTextMessage(text);
        }
    }

    private void mergeCursors() {
        for (Map.Entry<String, Map<ServerWebSocket, String>> room : cursors.entrySet()) {
            List<String> items = new ArrayList<>();
            for (ServerWebSocket s : List.copyOf(room.getValue().keySet())) {
                String cursor = room.getValue().remove(s);
                if (cursor != null) {
                    items.add(cursor);
                }
            }
            if (!items.isEmpty()) {
                relay(room.getKey(), "{\"v\":1,\"type\":\"cursors\",\"items\":[" + String.join(",", items) + "]}");
            }
        }
    }

    @Override
    public void close() {
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }
}
