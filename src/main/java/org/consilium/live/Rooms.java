package org.consilium.live;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.consilium.platform.UuidV7;

/**
 * Rooms and who may join them. Other capabilities open a room for their session or review and admit its
 * participants; only admitted, unrevoked participants may open a socket to the room. Every method joins
 * the caller's transaction when there is one, so that a session and its room change together.
 */
@ApplicationScoped
public class Rooms {

    @Inject
    DataSource dataSource;
    @Inject
    RoomLog log;
    @Inject
    ObjectMapper json;

    /** A room as stored. */
    public record Room(UUID id, RoomKind kind, UUID refId, String title, long seq, Instant createdAt,
                       Instant closedAt) {
    }

    /** A participant of a room. */
    public record Participant(String userId, String displayName, String role, Instant admittedAt,
                              Instant revokedAt) {
        public boolean active() {
            return revokedAt == null;
        }
    }

    /** Opens the room of a session or review; idempotent on kind + refId (a closed room reopens). */
    public UUID open(RoomKind kind, UUID refId, String title) {
        return QuarkusTransaction.joiningExisting().call(() -> {
            try (Connection c = dataSource.getConnection()) {
                try (PreparedStatement ps = c.prepareStatement(
                        "insert into live_room (id, kind, ref_id, title) values (?, ?, ?, ?) "
                                + "on conflict (kind, ref_id) do update set closed_at = null, title = excluded.title "
                                + "returning id")) {
                    ps.setObject(1, UuidV7.next());
                    ps.setString(2, kind.name());
                    ps.setObject(3, refId);
                    ps.setString(4, title);
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        return rs.getObject(1, UUID.class);
                    }
                }
            }
        });
    }

    /** Admits a user (Keycloak subject) with a role such as chair, presenter, specialist or observer; idempotent. */
    public void admit(UUID roomId, String userId, String displayName, String role) {
        require(roomId);
        ObjectNode data = json.createObjectNode().put("userId", userId).put("displayName", displayName).put("role", role);
        log.append(roomId, Actor.SYSTEM, null, "participant.admitted", data, (c, seq) -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "insert into live_participant (room_id, user_id, display_name, role) values (?, ?, ?, ?) "
                            + "on conflict (room_id, user_id) do update set display_name = excluded.display_name, "
                            + "role = excluded.role, revoked_at = null")) {
                ps.setObject(1, roomId);
                ps.setString(2, userId);
                ps.setString(3, displayName);
                ps.setString(4, role);
                ps.executeUpdate();
            }
        });
    }

    /** Takes a user's admission back; their open sockets in the room are closed with 4403. */
    public void revoke(UUID roomId, String userId) {
        require(roomId);
        log.append(roomId, Actor.SYSTEM, null, "participant.revoked", json.createObjectNode().put("userId", userId),
                (c, seq) -> {
                    try (PreparedStatement ps = c.prepareStatement(
                            "update live_participant set revoked_at = now() where room_id = ? and user_id = ? "
                                    + "and revoked_at is null")) {
                        ps.setObject(1, roomId);
                        ps.setString(2, userId);
                        ps.executeUpdate();
                    }
                });
    }

    /** Closes the room: its sockets are closed with 4410 and it takes no more events until reopened. */
    public void close(UUID roomId) {
        Room room = require(roomId);
        if (room.closedAt() != null) {
            return;
        }
        log.append(roomId, Actor.SYSTEM, null, "room.closed", json.createObjectNode(), (c, seq) -> {
            try (PreparedStatement ps = c.prepareStatement("update live_room set closed_at = now() where id = ?")) {
                ps.setObject(1, roomId);
                ps.executeUpdate();
            }
        });
    }

    public Optional<Room> find(UUID roomId) {
        return query("select id, kind, ref_id, title, last_seq, created_at, closed_at from live_room where id = ?",
                roomId, rs -> new Room(rs.getObject(1, UUID.class), RoomKind.valueOf(rs.getString(2)),
                        rs.getObject(3, UUID.class), rs.getString(4), rs.getLong(5), instant(rs, 6), instant(rs, 7)))
                .stream().findFirst();
    }

    public Optional<Room> findByRef(RoomKind kind, UUID refId) {
        List<UUID> ids = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("select id from live_room where kind = ? and ref_id = ?")) {
            ps.setString(1, kind.name());
            ps.setObject(2, refId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getObject(1, UUID.class));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return ids.stream().findFirst().flatMap(this::find);
    }

    public Room require(UUID roomId) {
        return find(roomId).orElseThrow(() -> new LiveError("not-found", "room " + roomId + " does not exist"));
    }

    public List<Participant> participants(UUID roomId) {
        return query("select user_id, display_name, role, admitted_at, revoked_at from live_participant "
                + "where room_id = ? order by admitted_at, user_id", roomId, Rooms::participant);
    }

    /** The user's admission to the room, if any and not revoked. */
    public Optional<Participant> participant(UUID roomId, String userId) {
        return participants(roomId).stream().filter(p -> p.userId().equals(userId) && p.active()).findFirst();
    }

    private static Participant participant(ResultSet rs) throws SQLException {
        return new Participant(rs.getString(1), rs.getString(2), rs.getString(3), instant(rs, 4), instant(rs, 5));
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        java.sql.Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private interface Row<T> {
        T map(ResultSet rs) throws SQLException;
    }

    private <T> List<T> query(String sql, UUID roomId, Row<T> row) {
        List<T> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, roomId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(row.map(rs));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }
}
