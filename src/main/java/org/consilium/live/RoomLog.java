package org.consilium.live;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;

/**
 * The ordered, persisted event log of each room. {@link #append} bumps the room's sequence, inserts the
 * event and applies its effect in one transaction, the only way an event enters the log. After the commit
 * this replica fans it out and a NOTIFY wakes the others ({@link Backplane}), which fan the event out from
 * the NOTIFY when it carries it whole and the seqs before it are known, and otherwise read the new events
 * by seq ({@link #after}).
 */
@ApplicationScoped
public class RoomLog {

    @Inject
    DataSource dataSource;
    @Inject
    ObjectMapper json;
    @Inject
    RoomHub hub;
    @Inject
    Backplane backplane;
    @Inject
    TransactionSynchronizationRegistry transactions;

    /** One append transaction at a time per room on this replica (rooms share these by hash). */
    private final Lock[] turns = new Lock[64];

    {
        for (int i = 0; i < turns.length; i++) {
            turns[i] = new ReentrantLock(true);
        }
    }
    @Inject
    LiveStages stages;

    /** What an append did: the event's seq, and whether the op id had been applied before. */
    public record Appended(long seq, boolean duplicate) {
    }

    private record Written(Appended appended, Stored stored, long statementsDone) {
    }

    /** One stored event: its seq and its JSON text ({@code {"type", "actor", "opId", "at", "data"}}). */
    public record Stored(long seq, String type, String body) {
    }

    /** The state change that belongs to an event; runs in the event's transaction, may throw {@link LiveError}. */
    @FunctionalInterface
    public interface Effect {
        void apply(Connection c, long seq) throws SQLException;
    }

    /**
     * Appends an event. With an op id, a second append of the same op by the same user changes nothing and
     * answers the first event's seq. Joins the caller's transaction when there is one.
     */
    public Appended append(UUID roomId, Actor actor, String opId, String type, ObjectNode data, Effect effect) {
        // a room's writers queue here, not on its row lock while each holds a pooled connection: under load
        // they would take the whole pool and stall every other room (a caller's own transaction is left alone)
        Lock turn = transactions.getTransactionKey() == null ? turns[Math.floorMod(roomId.hashCode(), turns.length)] : null;
        if (turn != null) {
            turn.lock();
        }
        try {
            return QuarkusTransaction.joiningExisting().call(() -> {
                Written w = inTransaction(roomId, actor, opId, type, data, effect);
                // this replica fans the event out at once, and the others hear of it through a NOTIFY sent
                // after the commit: inside the transaction it would hold PostgreSQL's database-wide NOTIFY
                // lock through the commit's WAL flush and so serialise the commits of every room
                backplane.afterCommit(() -> {
                    stages.since(LiveStages.Stage.COMMIT, w.statementsDone());
                    hub.committed(roomId, w.stored());
                    backplane.publishEvent(roomId, w.stored());
                });
                return w.appended();
            });
        } catch (AlreadyApplied done) {
            return new Appended(done.seq, true);
        } finally {
            if (turn != null) {
                turn.unlock();
            }
        }
    }

    private Written inTransaction(UUID roomId, Actor actor, String opId, String type, ObjectNode data,
                                   Effect effect) throws SQLException {
        String text = body(actor, opId, type, data);
        long asked = System.nanoTime();
        try (Connection c = dataSource.getConnection()) {
            stages.since(LiveStages.Stage.CONNECTION, asked);
            long connected = System.nanoTime();
            long seq = insert(c, roomId, actor.userId(), opId, type, text);
            if (effect != null) {
                effect.apply(c, seq);
            }
            stages.since(LiveStages.Stage.STATEMENTS, connected);
            return new Written(new Appended(seq, false), new Stored(seq, type, text), System.nanoTime());
        }
    }

    private String body(Actor actor, String opId, String type, ObjectNode data) {
        ObjectNode event = json.createObjectNode();
        event.put("type", type);
        ObjectNode who = event.putObject("actor");
        who.put("userId", actor.userId()).put("displayName", actor.displayName()).put("role", actor.role());
        if (opId != null) {
            event.put("opId", opId);
        }
        event.put("at", Instant.now().truncatedTo(ChronoUnit.MILLIS).toString());
        event.set("data", data == null ? json.createObjectNode() : data);
        try {
            return json.writeValueAsString(event);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The room's seq, bumped, and the event inserted with it; no row when the op id was applied before or
     * the room is closed.
     */
    private static final String BUMP_AND_INSERT = "with bumped as (update live_room set last_seq = last_seq + 1 "
            + "where id = ? and closed_at is null returning last_seq), "
            + "ev as (insert into live_event (room_id, seq, type, actor_id, op_id, body) "
            + "select ?, last_seq, ?, ?, ?, ?::text::jsonb from bumped "
            + "on conflict (room_id, actor_id, op_id) where op_id is not null do nothing returning seq) select seq from ev";

    /**
     * Bumps the room's seq and inserts the event in one statement, one round trip to PostgreSQL. The room
     * row's lock orders the room's writers, so a second append of the same op id, even a concurrent one,
     * meets the first one's committed event in the unique index and inserts nothing.
     */
    private static long insert(Connection c, UUID roomId, String userId, String opId, String type, String text)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(BUMP_AND_INSERT)) {
            ps.setObject(1, roomId);
            ps.setObject(2, roomId);
            ps.setString(3, type);
            ps.setString(4, userId);
            ps.setString(5, opId);
            ps.setString(6, text);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    return rs.getLong(1);
                }
            }
        }
        Long earlier = opId == null ? null : earlier(c, roomId, userId, opId);
        if (earlier != null) {
            throw new AlreadyApplied(earlier); // rolls the bumped seq back
        }
        throw new LiveError("room-closed", "room " + roomId + " is closed or does not exist");
    }

    /** Events of a room with seq greater than {@code afterSeq}, in order, at most {@code limit}. */
    public List<Stored> after(UUID roomId, long afterSeq, int limit) {
        List<Stored> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "select seq, type, body::text from live_event where room_id = ? and seq > ? order by seq limit ?")) {
            ps.setObject(1, roomId);
            ps.setLong(2, afterSeq);
            ps.setInt(3, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Stored(rs.getLong(1), rs.getString(2), rs.getString(3)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the events of room " + roomId, e);
        }
        return out;
    }

    /** The room's last assigned seq. */
    public long head(UUID roomId) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("select last_seq from live_room where id = ?")) {
            ps.setObject(1, roomId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new LiveError("not-found", "room " + roomId + " does not exist");
                }
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Long earlier(Connection c, UUID roomId, String userId, String opId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "select seq from live_event where room_id = ? and actor_id = ? and op_id = ?")) {
            ps.setObject(1, roomId);
            ps.setString(2, userId);
            ps.setString(3, opId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : null;
            }
        }
    }

    /** Unwinds the transaction of an op id that was applied before. */
    private static final class AlreadyApplied extends RuntimeException {
        final long seq;

        AlreadyApplied(long seq) {
            super(null, null, false, false);
            this.seq = seq;
        }
    }
}
