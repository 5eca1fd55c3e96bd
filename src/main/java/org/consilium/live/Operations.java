package org.consilium.live;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.consilium.platform.UuidV7;
import org.jboss.logging.Logger;

/**
 * Handles one client message (docs/live-protocol.md): checks it, applies persistent operations through
 * the room log with their effects, hands ephemeral ones to {@link Ephemera}, and answers the client with
 * an ack or an error. Nothing a client sends closes its socket or touches state it may not change.
 */
@ApplicationScoped
public class Operations {

    private static final Logger LOG = Logger.getLogger(Operations.class);
    /** Roles that may look and talk but not change annotations, contours, votes or leases. */
    static final Set<String> READ_ONLY = Set.of("observer");
    /** Roles that may lead a "follow me" presentation (a radiotherapy review room's reviewers present to each other). */
    static final Set<String> PRESENTERS = Set.of("chair", "presenter", "reviewer");

    @Inject
    ObjectMapper json;
    @Inject
    LiveMeters meters;
    @Inject
    LiveConfig config;
    @Inject
    Frames frames;
    @Inject
    RoomLog log;
    @Inject
    Annotations annotations;
    @Inject
    Leases leases;
    @Inject
    Ephemera ephemera;
    @Inject
    LiveStages stages;
    @Inject
    ViewStates views;

    private static final Uni<Void> DONE = Uni.createFrom().voidItem();
    /** Persistent ops block on PostgreSQL: each runs on its own virtual thread. */
    private final ExecutorService blocking = Executors.newVirtualThreadPerTaskExecutor();

    /**
     * Handles one message. Checks, pings and ephemeral ops run at once on the calling (event-loop) thread;
     * persistent ops are appended through {@link RoomLog#append} on a virtual thread. The returned Uni
     * completes when they are answered, so that the socket's next message waits for them (serial inbound
     * processing keeps a socket's ops in order).
     */
    Uni<Void> handle(Peer peer, String text) {
        String opId = null;
        try {
            JsonNode msg = parse(text);
            opId = msg.path("opId").isTextual() ? msg.path("opId").asText() : null;
            String op = msg.path("op").asText("");
            switch (op) {
                case "ping" -> peer.offer(frames.text(frames.frame("pong")));
                case "cursor" -> ephemeral(peer, "cursor", views.cursor(msg));
                case "viewport" -> {
                    if (msg.path("settled").asBoolean(false)) {
                        return persistentLater(peer, msg, opId);
                    }
                    ephemeral(peer, "viewport", views.viewport(msg.path("viewport")));
                }
                case "chat", "annotation.create", "annotation.update", "annotation.delete", "contour.edit", "vote",
                     "follow.start", "follow.stop", "lease.acquire", "lease.release" -> {
                    return persistentLater(peer, msg, opId);
                }
                default -> throw new LiveError("unknown-op", "unknown op '" + abbreviate(op) + "'");
            }
        } catch (RuntimeException e) {
            failed(peer, e, opId);
        }
        return DONE;
    }

    private Uni<Void> persistentLater(Peer peer, JsonNode msg, String opId) {
        long handedOver = System.nanoTime();
        return Uni.createFrom().emitter(done -> blocking.execute(() -> {
            stages.since(LiveStages.Stage.QUEUE, handedOver);
            try {
                persistent(peer, msg, opId);
            } catch (RuntimeException e) {
                failed(peer, e, opId);
            } finally {
                done.complete(null);
            }
        }));
    }

    private void failed(Peer peer, RuntimeException e, String opId) {
        if (e instanceof LiveError error) {
            error(peer, error, opId);
        } else {
            LOG.warnf(e, "live op failed in room %s", peer.roomId);
            error(peer, new LiveError("internal", "the server could not apply this operation"), opId);
        }
    }

    private JsonNode parse(String text) {
        if (text.length() > config.maxMessageBytes()
                || text.length() * 3L > config.maxMessageBytes()
                && text.getBytes(StandardCharsets.UTF_8).length > config.maxMessageBytes()) {
            throw new LiveError("too-large", "messages are limited to " + config.maxMessageBytes() + " bytes");
        }
        JsonNode msg;
        try {
            msg = json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new LiveError("malformed", "not JSON: " + abbreviate(e.getOriginalMessage()));
        }
        if (msg == null || !msg.isObject()) {
            throw new LiveError("malformed", "a message is a JSON object");
        }
        if (msg.path("v").asInt(-1) != Frames.VERSION) {
            throw new LiveError("unsupported-version", "this server speaks protocol version " + Frames.VERSION);
        }
        return msg;
    }

    /** What every persistent op must pass: an op id, the socket's rate, and a role that may change things. */
    private static void admit(Peer peer, String op, String opId) {
        if (opId == null || opId.isEmpty() || opId.length() > 64) {
            throw new LiveError("invalid", "persistent operations need an opId of 1 to 64 characters");
        }
        if (!peer.ops.take()) {
            throw new LiveError("rate-limited", "too many operations; retry later with the same opId");
        }
        if (READ_ONLY.contains(peer.actor.role()) && !op.equals("chat") && !op.equals("viewport")) {
            throw new LiveError("forbidden", "role " + peer.actor.role() + " may not " + op);
        }
    }

    private void persistent(Peer peer, JsonNode msg, String opId) {
        String op = msg.path("op").asText();
        admit(peer, op, opId);
        Map<String, Object> extra = new LinkedHashMap<>();
        RoomLog.Appended done = switch (op) {
            case "chat" -> log.append(peer.roomId, peer.actor, opId, "chat",
                    json.createObjectNode().put("text", annotations.text(msg.path("text"), 4000, "text", true)), null);
            case "annotation.create" -> createAnnotation(peer, msg, opId, extra);
            case "annotation.update" -> updateAnnotation(peer, msg, opId);
            case "annotation.delete" -> deleteAnnotation(peer, msg, opId);
            case "contour.edit" -> editContour(peer, msg, opId, extra);
            case "vote" -> vote(peer, msg, opId);
            case "viewport" -> settleViewport(peer, msg, opId);
            case "follow.start", "follow.stop" -> follow(peer, msg, opId, op.equals("follow.start"));
            case "lease.acquire" -> {
                Leases.Granted g = leases.acquire(peer, opId, target(msg));
                extra.put("expiresAt", g.expiresAt().toString());
                yield new RoomLog.Appended(g.seq(), g.duplicate());
            }
            case "lease.release" -> leases.release(peer, opId, target(msg));
            default -> throw new LiveError("unknown-op", "unknown op");
        };
        peer.offer(frames.ack(opId, done.seq(), done.duplicate(), extra));
        meters.op(op);
    }

    private RoomLog.Appended createAnnotation(Peer peer, JsonNode msg, String opId, Map<String, Object> extra) {
        JsonNode in = msg.path("annotation");
        UUID id = in.has("id") ? Annotations.uuid(in.path("id"), "annotation.id") : UuidV7.next();
        ObjectNode a = annotations.annotation(in, id);
        a.put("createdBy", peer.actor.userId());
        extra.put("annotationId", id.toString());
        return log.append(peer.roomId, peer.actor, opId, "annotation.created", json.createObjectNode().set("annotation", a),
                (c, seq) -> {
                    try (PreparedStatement ps = c.prepareStatement("insert into live_annotation "
                            + "(room_id, id, kind, sop_instance_uid, frame, body, created_by, seq) "
                            + "values (?, ?, ?, ?, ?, ?::jsonb, ?, ?) on conflict do nothing")) {
                        ps.setObject(1, peer.roomId);
                        ps.setObject(2, id);
                        ps.setString(3, a.path("kind").asText());
                        ps.setString(4, a.path("ref").path("sopInstanceUid").asText());
                        ps.setInt(5, a.path("ref").path("frame").asInt());
                        ps.setString(6, frames.text(a));
                        ps.setString(7, peer.actor.userId());
                        ps.setLong(8, seq);
                        if (ps.executeUpdate() == 0) {
                            throw new LiveError("conflict", "annotation " + id + " already exists");
                        }
                    }
                });
    }

    private RoomLog.Appended updateAnnotation(Peer peer, JsonNode msg, String opId) {
        JsonNode in = msg.path("annotation");
        UUID id = Annotations.uuid(in.path("id"), "annotation.id");
        ObjectNode a = annotations.annotation(in, id);
        return log.append(peer.roomId, peer.actor, opId, "annotation.updated", json.createObjectNode().set("annotation", a),
                (c, seq) -> {
                    Leases.requireHeld(c, peer.roomId, peer.actor, "annotation:" + id);
                    try (PreparedStatement ps = c.prepareStatement("update live_annotation set kind = ?, "
                            + "sop_instance_uid = ?, frame = ?, body = jsonb_set(?::jsonb, '{createdBy}', "
                            + "body -> 'createdBy'), seq = ? where room_id = ? and id = ?")) {
                        ps.setString(1, a.path("kind").asText());
                        ps.setString(2, a.path("ref").path("sopInstanceUid").asText());
                        ps.setInt(3, a.path("ref").path("frame").asInt());
                        ps.setString(4, frames.text(a));
                        ps.setLong(5, seq);
                        ps.setObject(6, peer.roomId);
                        ps.setObject(7, id);
                        if (ps.executeUpdate() == 0) {
                            throw new LiveError("not-found", "annotation " + id + " does not exist");
                        }
                    }
                });
    }

    private RoomLog.Appended deleteAnnotation(Peer peer, JsonNode msg, String opId) {
        UUID id = Annotations.uuid(msg.path("annotationId"), "annotationId");
        return log.append(peer.roomId, peer.actor, opId, "annotation.deleted",
                json.createObjectNode().put("annotationId", id.toString()), (c, seq) -> {
                    Leases.requireHeld(c, peer.roomId, peer.actor, "annotation:" + id);
                    try (PreparedStatement ps = c.prepareStatement(
                            "delete from live_annotation where room_id = ? and id = ?")) {
                        ps.setObject(1, peer.roomId);
                        ps.setObject(2, id);
                        if (ps.executeUpdate() == 0) {
                            throw new LiveError("not-found", "annotation " + id + " does not exist");
                        }
                    }
                });
    }

    private RoomLog.Appended editContour(Peer peer, JsonNode msg, String opId, Map<String, Object> extra) {
        ObjectNode edit = annotations.contourEdit(msg.path("edit"));
        int roi = edit.path("roiNumber").asInt();
        UUID polygon = UUID.fromString(edit.path("polygonId").asText());
        String action = edit.path("action").asText();
        extra.put("polygonId", polygon.toString());
        return log.append(peer.roomId, peer.actor, opId, "contour.edited", json.createObjectNode().set("edit", edit),
                (c, seq) -> {
                    Leases.requireHeld(c, peer.roomId, peer.actor, "roi:" + roi);
                    String sql = switch (action) {
                        case "add" -> "insert into live_contour (plane, body, seq, room_id, roi_number, polygon_id) "
                                + "values (?, ?::jsonb, ?, ?, ?, ?) on conflict do nothing";
                        case "replace" -> "update live_contour set plane = ?, body = ?::jsonb, seq = ? "
                                + "where room_id = ? and roi_number = ? and polygon_id = ?";
                        default -> "delete from live_contour where room_id = ? and roi_number = ? and polygon_id = ?";
                    };
                    try (PreparedStatement ps = c.prepareStatement(sql)) {
                        int i = 1;
                        if (!action.equals("delete")) {
                            ps.setString(i++, Annotations.planeKey(edit.path("plane")));
                            ps.setString(i++, frames.text(edit));
                            ps.setLong(i++, seq);
                        }
                        ps.setObject(i++, peer.roomId);
                        ps.setInt(i++, roi);
                        ps.setObject(i, polygon);
                        if (ps.executeUpdate() == 0) {
                            throw action.equals("add")
                                    ? new LiveError("conflict", "polygon " + polygon + " already exists")
                                    : new LiveError("not-found", "ROI " + roi + " has no polygon " + polygon);
                        }
                    }
                });
    }

    private RoomLog.Appended vote(Peer peer, JsonNode msg, String opId) {
        ObjectNode vote = json.createObjectNode();
        vote.put("question", annotations.text(msg.path("question"), 200, "question", true));
        vote.put("choice", annotations.text(msg.path("choice"), 100, "choice", true));
        String opinion = annotations.text(msg.path("opinion"), 4000, "opinion", false);
        if (opinion != null) {
            vote.put("opinion", opinion);
        }
        vote.put("userId", peer.actor.userId());
        vote.put("displayName", peer.actor.displayName());
        return log.append(peer.roomId, peer.actor, opId, "vote.cast", vote, (c, seq) -> {
            try (PreparedStatement ps = c.prepareStatement("insert into live_vote (room_id, question, user_id, body, seq) "
                    + "values (?, ?, ?, ?::jsonb, ?) on conflict (room_id, question, user_id) "
                    + "do update set body = excluded.body, seq = excluded.seq")) {
                ps.setObject(1, peer.roomId);
                ps.setString(2, vote.path("question").asText());
                ps.setString(3, peer.actor.userId());
                ps.setString(4, frames.text(vote));
                ps.setLong(5, seq);
                ps.executeUpdate();
            }
        });
    }

    private RoomLog.Appended settleViewport(Peer peer, JsonNode msg, String opId) {
        ObjectNode vp = views.viewport(msg.path("viewport"));
        return log.append(peer.roomId, peer.actor, opId, "viewport.set", json.createObjectNode().set("viewport", vp),
                (c, seq) -> {
                    // the presenter's settled viewport is what followers show
                    try (PreparedStatement ps = c.prepareStatement(
                            "update live_room set follow_viewport = ?::jsonb where id = ? and follow_user = ?")) {
                        ps.setString(1, frames.text(vp));
                        ps.setObject(2, peer.roomId);
                        ps.setString(3, peer.actor.userId());
                        ps.executeUpdate();
                    }
                });
    }

    private RoomLog.Appended follow(Peer peer, JsonNode msg, String opId, boolean start) {
        if (!PRESENTERS.contains(peer.actor.role())) {
            throw new LiveError("forbidden", "only a chair, presenter or reviewer leads follow-me");
        }
        ObjectNode data = json.createObjectNode();
        ObjectNode vp = start && msg.has("viewport") ? views.viewport(msg.path("viewport")) : null;
        if (start) {
            data.putObject("presenter").put("userId", peer.actor.userId()).put("displayName", peer.actor.displayName());
            data.set("viewport", vp);
        }
        return log.append(peer.roomId, peer.actor, opId, start ? "follow.started" : "follow.stopped", data, (c, seq) -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "update live_room set follow_user = ?, follow_viewport = ?::jsonb where id = ?")) {
                ps.setString(1, start ? peer.actor.userId() : null);
                ps.setString(2, vp == null ? null : frames.text(vp));
                ps.setObject(3, peer.roomId);
                ps.executeUpdate();
            }
        });
    }

    private void ephemeral(Peer peer, String kind, ObjectNode state) {
        if (peer.ephemeral.take()) {
            ephemera.put(peer, kind, state);
        } // over the rate: dropped silently, the next one supersedes it anyway
    }

    private static String target(JsonNode msg) {
        String t = msg.path("target").asText("");
        if (!Leases.TARGET.matcher(t).matches()) {
            throw new LiveError("invalid", "target is roi:<number> or annotation:<uuid>");
        }
        return t;
    }

    private void error(Peer peer, LiveError e, String opId) {
        if (peer.errors.take()) { // a flood of bad input does not become a flood of answers
            peer.offer(frames.error(e.code(), e.getMessage(), opId, e.details()));
        }
    }

    private static String abbreviate(String s) {
        return s == null ? "" : s.length() > 80 ? s.substring(0, 80) + "…" : s;
    }
}
