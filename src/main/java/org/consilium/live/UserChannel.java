package org.consilium.live;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Live messages to a user rather than a room (notifications): {@link #push} reaches every socket the user
 * has open on {@code /api/live/me/socket}, on any replica. Delivery is best effort: a user with no socket
 * open misses the push, so the durable record (e.g. the notification feed) must live elsewhere. Called in
 * a transaction, the push goes out only after that transaction commits, and never if it rolls back; it
 * never touches the caller's database connection ({@link Backplane#publish}).
 */
@ApplicationScoped
public class UserChannel {

    @Inject
    Backplane backplane;
    @Inject
    Frames frames;
    @Inject
    ObjectMapper json;

    private final Map<String, Set<Peer>> sockets = new ConcurrentHashMap<>();

    /**
     * Sends {@code {"v":1,"type":"push","kind":type,"payload":payload}} to the user's sockets. The frame
     * travels in a NOTIFY payload and must stay under about 7.5 kB; larger payloads are refused.
     */
    public void push(String userId, String type, Object payload) {
        ObjectNode f = frames.frame("push");
        f.put("kind", type);
        f.set("payload", json.valueToTree(payload));
        if (!backplane.publish(Envelope.USER, userId, frames.text(f))) {
            throw new IllegalArgumentException("push payload too large for user " + userId);
        }
    }

    void deliver(String userId, String frame) {
        for (Peer p : sockets.getOrDefault(userId, Set.of())) {
            p.offerEphemeral(frame);
        }
    }

    void add(Peer peer) {
        sockets.computeIfAbsent(peer.actor.userId(), u -> ConcurrentHashMap.newKeySet()).add(peer);
    }

    void remove(Peer peer) {
        sockets.computeIfPresent(peer.actor.userId(), (u, set) -> {
            set.remove(peer);
            return set.isEmpty() ? null : set;
        });
    }
}
