package org.consilium.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.websockets.next.OnClose;
import io.quarkus.websockets.next.OnOpen;
import io.quarkus.websockets.next.OnTextMessage;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;
import io.smallrye.common.annotation.RunOnVirtualThread;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.consilium.audit.AuditActor;
import org.consilium.audit.AuditLog;
import org.consilium.audit.Outcome;

/**
 * The socket of one room: {@code /api/live/rooms/{roomId}/socket?ticket=...[&lastSeq=n]}. The one-time
 * ticket (POST /api/live/tickets) names the user; only the room's participants stay connected, anyone
 * else is closed with 4403. With lastSeq the socket first replays every event after it; without, the
 * welcome frame carries a snapshot and its seq. Messages of one socket are handled in order.
 */
@WebSocket(path = "/api/live/rooms/{roomId}/socket")
public class RoomSocket {

    @Inject
    Tickets tickets;
    @Inject
    Rooms rooms;
    @Inject
    RoomHub hub;
    @Inject
    Presence presence;
    @Inject
    Operations operations;
    @Inject
    Leases leases;
    @Inject
    Frames frames;
    @Inject
    AuditLog audit;
    @Inject
    LiveConfig config;
    @Inject
    LiveStages stages;

    private static final Map<String, Peer> PEERS = new ConcurrentHashMap<>();

    @OnOpen
    @RunOnVirtualThread
    void open(WebSocketConnection connection) {
        Map<String, String> query = query(connection.handshakeRequest().query());
        UUID roomId = parseUuid(connection.pathParam("roomId"));
        Optional<Tickets.Holder> holder = tickets.redeem(query.get("ticket"));
        if (holder.isEmpty() || roomId == null || !roomId.equals(holder.get().roomId())) {
            close(connection, CloseCodes.UNAUTHORIZED, "ticket missing, used, expired or for another room");
            return;
        }
        Tickets.Holder who = holder.get();
        AuditActor auditActor = new AuditActor(who.userId(), who.username());
        Optional<Rooms.Room> room = rooms.find(roomId);
        if (room.isEmpty()) {
            close(connection, CloseCodes.NOT_FOUND, "no such room");
            return;
        }
        if (room.get().closedAt() != null) {
            close(connection, CloseCodes.ROOM_CLOSED, "room closed");
            return;
        }
        Optional<Rooms.Participant> participant = rooms.participant(roomId, who.userId());
        if (participant.isEmpty()) {
            audit.record(auditActor, who.hospitalId(), "live.join", "room:" + roomId, Outcome.DENIED,
                    "not a participant");
            close(connection, CloseCodes.FORBIDDEN, "not a participant of this room");
            return;
        }
        Actor actor = new Actor(who.userId(), participant.get().displayName(), participant.get().role());
        Peer peer = new Peer(connection, roomId, actor, who.username(), who.hospitalId(), config, stages);
        long joined = presence.join(peer);
        audit.record(auditActor, who.hospitalId(), "live.join", "room:" + roomId, Outcome.SUCCESS,
                "role " + actor.role() + ", connection " + peer.id());
        PEERS.put(peer.id(), peer);

        ObjectNode welcome = frames.frame("welcome");
        welcome.put("roomId", roomId.toString());
        welcome.putObject("you").put("userId", actor.userId()).put("displayName", actor.displayName())
                .put("role", actor.role()).put("connectionId", peer.id());
        long lastSeq = parseLong(query.get("lastSeq"));
        if (lastSeq >= 0 && lastSeq <= joined) {
            welcome.put("replayFrom", lastSeq);
            peer.delivered = lastSeq;
        } else {
            JsonNode snapshot = presence.snapshot(roomId);
            welcome.set("snapshot", snapshot);
            peer.delivered = snapshot.path("seq").asLong();
        }
        peer.replayUntil = joined;
        welcome.put("seq", peer.delivered);
        peer.offer(frames.text(welcome));
        hub.add(peer);
    }

    /** On the event loop: cheap ops are answered at once, persistent ones move to a virtual thread. */
    @OnTextMessage
    Uni<Void> message(WebSocketConnection connection, String text) {
        Peer peer = PEERS.get(connection.id());
        return peer == null ? Uni.createFrom().voidItem() : operations.handle(peer, text);
    }

    @OnClose
    @RunOnVirtualThread
    void closed(WebSocketConnection connection) {
        Peer peer = PEERS.remove(connection.id());
        if (peer == null) {
            return;
        }
        hub.remove(peer);
        leases.releaseConnection(peer);
        String reason = connection.closeReason() == null ? "closed" : "closed " + connection.closeReason().getCode();
        presence.leave(peer.roomId, peer.actor, peer.id(), reason);
        audit.record(new AuditActor(peer.actor.userId(), peer.username), peer.hospitalId, "live.leave",
                "room:" + peer.roomId, Outcome.SUCCESS, reason + ", connection " + peer.id());
    }

    static void close(WebSocketConnection connection, int code, String reason) {
        connection.close(new io.quarkus.websockets.next.CloseReason(code, reason)).subscribe()
                .with(ok -> { }, failure -> { });
    }

    static Map<String, String> query(String query) {
        Map<String, String> out = new HashMap<>();
        if (query == null) {
            return out;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    private static UUID parseUuid(String s) {
        try {
            return UUID.fromString(s);
        } catch (IllegalArgumentException | NullPointerException e) {
            return null;
        }
    }

    private static long parseLong(String s) {
        try {
            return s == null ? -1 : Long.parseLong(s);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
