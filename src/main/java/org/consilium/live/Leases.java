package org.consilium.live;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * Edit leases, one per ROI ({@code roi:<n>}) and per annotation ({@code annotation:<uuid>}). Editing a
 * contour or changing an annotation needs the caller's own unexpired lease on it. A lease ends when its
 * holder releases it, when their socket closes, or when it expires unrenewed; each grant and release is a
 * room event, so every client sees who is editing what.
 */
@ApplicationScoped
public class Leases {

    static final Pattern TARGET = Pattern.compile(
            "roi:[1-9][0-9]{0,5}|annotation:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    @Inject
    DataSource dataSource;
    @Inject
    RoomLog log;
    @Inject
    LiveConfig config;
    @Inject
    ObjectMapper json;

    /** A lease as granted. */
    public record Granted(long seq, boolean duplicate, Instant expiresAt) {
    }

    /** Grants or renews the lease; a lease held by someone else is answered with {@code lease-held}. */
    public Granted acquire(Peer peer, String opId, String target) {
        Instant expires = Instant.now().plus(config.leaseTtl());
        ObjectNode data = json.createObjectNode().put("target", target).put("expiresAt", expires.toString());
        RoomLog.Appended a = log.append(peer.roomId, peer.actor, opId, "lease.granted", data, (c, seq) -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "insert into live_lease (room_id, target, user_id, display_name, connection_id, expires_at) "
                            + "values (?, ?, ?, ?, ?, ?) on conflict (room_id, target) do update set "
                            + "user_id = excluded.user_id, display_name = excluded.display_name, "
                            + "connection_id = excluded.connection_id, expires_at = excluded.expires_at "
                            + "where live_lease.expires_at <= now() or live_lease.user_id = excluded.user_id")) {
                ps.setObject(1, peer.roomId);
                ps.setString(2, target);
                ps.setString(3, peer.actor.userId());
                ps.setString(4, peer.actor.displayName());
                ps.setString(5, peer.id());
                ps.setTimestamp(6, Timestamp.from(expires));
                if (ps.executeUpdate() == 0) {
                    throw held(c, peer.roomId, target);
                }
            }
        });
        return new Granted(a.seq(), a.duplicate(), expires);
    }

    public RoomLog.Appended release(Peer peer, String opId, String target) {
        return log.append(peer.roomId, peer.actor, opId, "lease.released",
                json.createObjectNode().put("target", target).put("reason", "released"), (c, seq) -> {
                    try (PreparedStatement ps = c.prepareStatement(
                            "delete from live_lease where room_id = ? and target = ? and user_id = ?")) {
                        ps.setObject(1, peer.roomId);
                        ps.setString(2, target);
                        ps.setString(3, peer.actor.userId());
                        if (ps.executeUpdate() == 0) {
                            throw new LiveError("lease-required", "you hold no lease on " + target,
                                    Map.of("target", target));
                        }
                    }
                });
    }

    /** Inside an edit's transaction: the caller must hold an unexpired lease on the target. */
    static void requireHeld(Connection c, UUID roomId, Actor actor, String target) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "select user_id from live_lease where room_id = ? and target = ? and expires_at > now()")) {
            ps.setObject(1, roomId);
            ps.setString(2, target);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new LiveError("lease-required", "acquire the lease on " + target + " before editing it",
                            Map.of("target", target));
                }
                if (!rs.getString(1).equals(actor.userId())) {
                    throw held(c, roomId, target);
                }
            }
        }
    }

    /** Releases what a closing socket held; one lease.released event per lease. */
    public void releaseConnection(Peer peer) {
        for (String target : targets("select target from live_lease where connection_id = ?", peer.id())) {
            releaseAs(peer.roomId, target, "disconnect", peer.id());
        }
    }

    /** Ends expired leases (any replica may run this; each lease is released once). */
    public int expire() {
        int n = 0;
        for (String[] row : expired()) {
            if (releaseAs(UUID.fromString(row[0]), row[1], "expired", null)) {
                n++;
            }
        }
        return n;
    }

    /** Releases the leases of sockets on replicas that stopped beating. */
    void releaseOrphans(List<String> connectionIds) {
        for (String connectionId : connectionIds) {
            for (String[] row : rows("select room_id::text, target from live_lease where connection_id = ?", connectionId)) {
                releaseAs(UUID.fromString(row[0]), row[1], "disconnect", connectionId);
            }
        }
    }

    /** Releases one lease held by that connection (or, with connectionId null, only if expired). */
    private boolean releaseAs(UUID roomId, String target, String reason, String connectionId) {
        boolean[] released = {false};
        try {
            log.append(roomId, Actor.SYSTEM, null, "lease.released",
                    json.createObjectNode().put("target", target).put("reason", reason), (c, seq) -> {
                        try (PreparedStatement ps = c.prepareStatement(
                                "delete from live_lease where room_id = ? and target = ? and "
                                        + (connectionId == null ? "expires_at <= now()" : "connection_id = ?"))) {
                            ps.setObject(1, roomId);
                            ps.setString(2, target);
                            if (connectionId != null) {
                                ps.setString(3, connectionId);
                            }
                            if (ps.executeUpdate() == 0) {
                                throw new LiveError("gone", "already released"); // rolls the event back
                            }
                            released[0] = true;
                        }
                    });
        } catch (LiveError e) {
            if (e.code().equals("room-closed")) {
                deleteQuietly(roomId, target);
            }
            return false;
        }
        return released[0];
    }

    private void deleteQuietly(UUID roomId, String target) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("delete from live_lease where room_id = ? and target = ?")) {
            ps.setObject(1, roomId);
            ps.setString(2, target);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static LiveError held(Connection c, UUID roomId, String target) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "select user_id, display_name, expires_at from live_lease where room_id = ? and target = ?")) {
            ps.setObject(1, roomId);
            ps.setString(2, target);
            try (ResultSet rs = ps.executeQuery()) {
                Map<String, Object> details = new LinkedHashMap<>();
                details.put("target", target);
                if (rs.next()) {
                    details.put("holder", Map.of("userId", rs.getString(1), "displayName", rs.getString(2)));
                    details.put("expiresAt", rs.getTimestamp(3).toInstant().toString());
                    return new LiveError("lease-held", rs.getString(2) + " is editing " + target
                            + " / " + rs.getString(2) + " 正在编辑", details);
                }
                return new LiveError("lease-held", target + " is being edited", details);
            }
        }
    }

    private List<String> targets(String sql, String param) {
        return rows(sql, param).stream().map(r -> r[0]).toList();
    }

    private List<String[]> expired() {
        return rows("select room_id::text, target from live_lease where expires_at <= now() limit ?", "500");
    }

    private List<String[]> rows(String sql, String param) {
        List<String[]> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            if (sql.contains("limit ?")) {
                ps.setInt(1, Integer.parseInt(param));
            } else {
                ps.setString(1, param);
            }
            try (ResultSet rs = ps.executeQuery()) {
                int n = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    String[] row = new String[n];
                    for (int i = 0; i < n; i++) {
                        row[i] = rs.getString(i + 1);
                    }
                    out.add(row);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }
}
