package org.consilium.live;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Future;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Appends of ops whose effect fits in the event's own statement (chat, annotation.create): the seq bump,
 * the event and the effect in one autocommitted statement, one round trip where {@link RoomLog#append}
 * takes three (event, effect, commit). The statement goes out from the caller's event loop through the
 * non-blocking {@link LivePool} and is answered and fanned out on that event loop, with no hop to a
 * thread that may block.
 *
 * <p>Idempotent on the op id like {@link RoomLog#append}. The statement ends in {@code live_refuse(reason)}
 * (migration V31), which raises SQLSTATE CL001 when the op id repeats, the room is closed or the change
 * changed nothing; the bump, the event and the change are then undone together, so a refusal uses no seq.
 */
@ApplicationScoped
public class LoneAppends {

    /**
     * A change that belongs to the event: one data-modifying statement, with {@code ?} parameters, that
     * reads the new seq as {@code seq} from the CTE {@code ev} and returns a row for each row it changed.
     * Changing nothing is a refusal: {@code refusal} says why, and the event is not appended.
     */
    public record Change(String sql, List<Object> params, Supplier<LiveError> refusal) {
    }

    /** The reasons {@code live_refuse} raises with. */
    private static final String NO_EVENT = "no-event";
    private static final String NO_CHANGE = "no-change";
    private static final String REFUSED = "CL001";

    @Inject
    LivePool pool;
    @Inject
    RoomLog log;
    @Inject
    RoomHub hub;
    @Inject
    Backplane backplane;
    @Inject
    LiveStages stages;
    @Inject
    TransactionSynchronizationRegistry transactions;

    /** Each change's whole statement, built once: by the change's SQL ("" for none). */
    private final Map<String, String> statements = new ConcurrentHashMap<>();
    private static final String EARLIER = numbered(RoomLog.EARLIER);

    /**
     * Appends the event and its change (none when null). Commits on its own, so it refuses to run inside
     * a transaction. The future completes on the calling event loop, after this replica's sockets have
     * the event queued and the other replicas' NOTIFY is on its way.
     */
    public Future<RoomLog.Appended> append(UUID roomId, Actor actor, String opId, String type, ObjectNode data,
                                           Change change) {
        if (transactions.getTransactionKey() != null) {
            throw new IllegalStateException("a lone append commits on its own; it cannot join a transaction");
        }
        String text = log.body(actor, opId, type, data);
        Tuple params = Tuple.of(roomId, roomId, type, actor.userId(), opId, text);
        for (Object p : change == null ? List.of() : change.params()) {
            params.addValue(p);
        }
        long sent = System.nanoTime();
        String sql = statements.computeIfAbsent(change == null ? "" : change.sql(), fx -> numbered(statement(change)));
        return pool.pool().preparedQuery(sql).execute(params).transform(done -> {
            if (done.succeeded()) {
                stages.since(LiveStages.Stage.STATEMENTS, sent);
                long seq = done.result().iterator().next().getLong(0);
                hub.committed(roomId, new RoomLog.Stored(seq, type, text));
                backplane.announce(RoomLog.notification(roomId, seq, type, text));
                return Future.succeededFuture(new RoomLog.Appended(seq, false));
            }
            String reason = done.cause() instanceof PgException pg && REFUSED.equals(pg.getSqlState())
                    ? pg.getErrorMessage() : null;
            if (NO_CHANGE.equals(reason)) {
                return Future.failedFuture(change.refusal().get());
            }
            if (NO_EVENT.equals(reason)) {
                return earlier(roomId, actor.userId(), opId);
            }
            return Future.failedFuture(new IllegalStateException("cannot append to room " + roomId, done.cause()));
        });
    }

    /** The first append of a repeated op id, or {@code room-closed} when there is none. */
    private Future<RoomLog.Appended> earlier(UUID roomId, String userId, String opId) {
        Future<RowSet<Row>> found = opId == null ? Future.succeededFuture(null)
                : pool.pool().preparedQuery(EARLIER).execute(Tuple.of(roomId, userId, opId));
        return found.compose(rows -> rows != null && rows.iterator().hasNext()
                ? Future.succeededFuture(new RoomLog.Appended(rows.iterator().next().getLong(0), true))
                : Future.failedFuture(new LiveError("room-closed", "room " + roomId + " is closed or does not exist")));
    }

    private static String statement(Change change) {
        return RoomLog.BUMP_AND_INSERT
                + (change == null ? "" : ", fx as (" + change.sql() + ")")
                + " select (select seq from ev), live_refuse(case when not exists (select 1 from ev) then '" + NO_EVENT + "'"
                + (change == null ? "" : " when not exists (select 1 from fx) then '" + NO_CHANGE + "'")
                + " end)";
    }

    /** PostgreSQL's {@code $1, $2, ...} for JDBC's {@code ?} placeholders, in order (none may sit in a literal). */
    static String numbered(String sql) {
        StringBuilder out = new StringBuilder(sql.length() + 16);
        int n = 0;
        for (int i = 0; i < sql.length(); i++) {
            char ch = sql.charAt(i);
            if (ch == '?') {
                out.append('$').append(++n);
            } else {
                out.append(ch);
            }
        }
        return out.toString();
    }
}
