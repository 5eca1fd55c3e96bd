package org.consilium.live;

import io.quarkus.websockets.next.OnClose;
import io.quarkus.websockets.next.OnOpen;
import io.quarkus.websockets.next.OnTextMessage;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;
import io.smallrye.common.annotation.RunOnVirtualThread;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The user's own channel: {@code /api/live/me/socket?ticket=...} with a ticket issued without a room. */
@WebSocket(path = "/api/live/me/socket")
public class UserSocket {

    @Inject
    Tickets tickets;
    @Inject
    UserChannel channel;
    @Inject
    Frames frames;
    @Inject
    LiveConfig config;
    @Inject
    LiveStages stages;

    private static final Map<String, Peer> PEERS = new ConcurrentHashMap<>();

    @OnOpen
    @RunOnVirtualThread
    void open(WebSocketConnection connection) {
        String ticket = RoomSocket.query(connection.handshakeRequest().query()).get("ticket");
        Optional<Tickets.Holder> holder = tickets.redeem(ticket);
        if (holder.isEmpty() || holder.get().roomId() != null) {
            RoomSocket.close(connection, CloseCodes.UNAUTHORIZED, "ticket missing, used, expired or for a room");
            return;
        }
        Tickets.Holder who = holder.get();
        Peer peer = new Peer(connection, null, new Actor(who.userId(), who.displayName(), "user"), who.username(),
                who.hospitalId(), config, stages);
        PEERS.put(peer.id(), peer);
        channel.add(peer);
        var welcome = frames.frame("welcome");
        welcome.putObject("you").put("userId", who.userId()).put("displayName", who.displayName());
        peer.offer(frames.text(welcome));
    }

    @OnTextMessage
    void message(WebSocketConnection connection, String text) {
        Peer peer = PEERS.get(connection.id());
        if (peer != null && peer.ephemeral.take()) {
            peer.offer(frames.text(frames.frame("pong"))); // the only thing a client says here is ping
        }
    }

    @OnClose
    void closed(WebSocketConnection connection) {
        Peer peer = PEERS.remove(connection.id());
        if (peer != null) {
            channel.remove(peer);
        }
    }
}
