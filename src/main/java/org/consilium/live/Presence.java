package org.consilium.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Who is in a room, on any replica: a row per socket, with presence.joined and presence.left events in
 * the room's log. Also reads a room's snapshot (annotations, contours, votes, follow-me, presence and
 * leases with the seq they reflect) in one statement, so that it is consistent without locking.
 */
@ApplicationScoped
public class Presence {

    @Inject
    DataSource dataSource;
    @Inject
    RoomLog log;
    @Inject
    ObjectMapper json;
    @Inject
    Replica replica;

    long join(Peer peer) {
        ObjectNode data = json.createObjectNode().put("userId", peer.actor.userId())
                .put("displayName", peer.actor.displayName()).put("role", peer.actor.role())
                .put("connectionId", peer.id());
        return log.append(peer.roomId, peer.actor, null, "presence.joined", data, (c, seq) -> {
            try (PreparedStatement ps = c.prepareStatement("insert into live_presence (connection_id, room_id, user_id, "
                    + "display_name, role, replica) values (?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, peer.id());
                ps.setObject(2, peer.roomId);
                ps.setString(3, peer.actor.userId());
                ps.setString(4, peer.actor.displayName());
                ps.setString(5, peer.actor.role());
                ps.setString(6, replica.id());
                ps.executeUpdate();
            }
        }).seq();
    }

    void leave(UUID roomId, Actor actor, String connectionId, String reason) {
        ObjectNode data = json.createObjectNode().put("userId", actor.userId()).put("connectionId", connectionId)
                .put("reason", reason);
        try {
            log.append(roomId, actor, null, "presence.left", data, (c, seq) -> {
                if (delete(c, connectionId) == 0) {
                    throw new LiveError("gone", "already left"); // rolls the event back
                }
            });
        } catch (LiveError e) {
            if (e.code().equals("room-closed")) {
                try (Connection c = dataSource.getConnection()) {
                    delete(c, connectionId);
                } catch (SQLException s) {
                    throw new IllegalStateException(s);
                }
            }
        }
    }

    /** A socket on a replica that stopped beating. */
    public record Orphan(String connectionId, UUID roomId, Actor actor) {
    }

    List<Orphan> orphans(long timeoutMillis) {
        List<Orphan> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "select p.connection_id, p.room_id, p.user_id, p.display_name, p.role from live_presence p "
                        + "where p.replica <> ? and not exists (select 1 from live_replica r where r.id = p.replica "
                        + "and r.seen_at > now() - make_interval(secs => ?))")) {
            ps.setString(1, replica.id());
            ps.setDouble(2, timeoutMillis / 1000.0);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Orphan(rs.getString(1), rs.getObject(2, UUID.class),
                            new Actor(rs.getString(3), rs.getString(4), rs.getString(5))));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    /** The room's current state and the seq it reflects, read in one statement. */
    JsonNode snapshot(UUID roomId) {
        String sql = """
                select jsonb_build_object(
                  'roomId', r.id, 'seq', r.last_seq, 'closed', r.closed_at is not null,
                  'annotations', coalesce((select jsonb_agg(a.body order by a.seq) from live_annotation a where a.room_id = r.id), '[]'),
                  'contours', coalesce((select jsonb_agg(k.body order by k.roi_number, k.seq) from live_contour k where k.room_id = r.id), '[]'),
                  'votes', coalesce((select jsonb_agg(v.body order by v.seq) from live_vote v where v.room_id = r.id), '[]'),
                  'follow', case when r.follow_user is null then null
                                 else jsonb_build_object('userId', r.follow_user, 'viewport', r.follow_viewport) end,
                  'presence', coalesce((select jsonb_agg(jsonb_build_object('userId', p.user_id, 'displayName', p.display_name,
                                 'role', p.role, 'connectionId', p.connection_id) order by p.joined_at)
                                 from live_presence p where p.room_id = r.id), '[]'),
                  'leases', coalesce((select jsonb_agg(jsonb_build_object('target', l.target, 'userId', l.user_id,
                                 'displayName', l.display_name, 'expiresAt', l.expires_at) order by l.target)
                                 from live_lease l where l.room_id = r.id and l.expires_at > now()), '[]'))::text
                from live_room r where r.id = ?""";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, roomId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new LiveError("not-found", "room " + roomId + " does not exist");
                }
                return json.readTree(rs.getString(1));
            }
        } catch (SQLException | java.io.IOException e) {
            throw new IllegalStateException("cannot read the snapshot of room " + roomId, e);
        }
    }

    private static int delete(Connection c, String connectionId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("delete from live_presence where connection_id = ?")) {
            ps.setString(1, connectionId);
            return ps.executeUpdate();
        }
    }
}
