package org.consilium.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.consilium.localstack.ConsiliumTestResource;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * The NOTIFY that wakes the other replicas, heard by a LISTEN of our own: every committed event is
 * announced, once, in seq order, with the payload the other replicas fan out from; an append that rolls
 * back announces nothing. The replicas' one-second catch-up by seq sends no NOTIFY, so it cannot stand in
 * for a missing announcement here.
 */
@QuarkusTest
@WithTestResource(ConsiliumTestResource.class)
class RoomEventAnnouncementTest {

    @Inject
    DataSource dataSource;
    @Inject
    Rooms rooms;
    @Inject
    RoomLog log;
    @Inject
    ObjectMapper json;

    @Test
    void everyCommittedEventIsAnnouncedOnceInSeqOrderAndRollbacksAreNot() throws Exception {
        UUID room = rooms.open(RoomKind.CONSULT_SESSION, UUID.randomUUID(), "NOTIFY 测试");
        Actor li = new Actor("dr.li-id", "dr.li", "chair");
        try (Connection listen = dataSource.getConnection()) {
            try (Statement s = listen.createStatement()) {
                s.execute("LISTEN " + Backplane.CHANNEL);
            }
            long first = log.head(room) + 1;
            List<RoomLog.Stored> expected = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                String text = i == 17 ? "肺".repeat(3000) : "第" + i + "条"; // one too large to travel whole
                RoomLog.Appended a = log.append(room, li, "op-" + i, "chat",
                        JsonNodeFactory.instance.objectNode().put("text", text), null);
                expected.add(log.after(room, a.seq() - 1, 1).get(0));
                if (i % 10 == 9) {
                    // rolled back: a retried op id, and an effect that fails
                    assertTrue(log.append(room, li, "op-" + i, "chat",
                            JsonNodeFactory.instance.objectNode().put("text", "again"), null).duplicate());
                    assertThrows(LiveError.class, () -> log.append(room, li, "op-failing", "chat",
                            JsonNodeFactory.instance.objectNode(), (c, seq) -> {
                                throw new LiveError("conflict", "refused by its effect");
                            }));
                }
            }
            assertEquals(first + 29, log.head(room));

            List<Envelope> heard = new ArrayList<>();
            long deadline = System.currentTimeMillis() + 20_000;
            while (heard.size() < expected.size() && System.currentTimeMillis() < deadline) {
                heard.addAll(events(listen, room, 500));
            }
            // a little longer: nothing else may follow (no duplicates, nothing from the rollbacks)
            heard.addAll(events(listen, room, 1500));
            assertEquals(expected.size(), heard.size(), "one NOTIFY per committed event, none for the rollbacks");
            for (int i = 0; i < expected.size(); i++) {
                RoomLog.Stored event = expected.get(i);
                assertEquals(first + i, event.seq());
                Envelope e = heard.get(i);
                assertEquals(event.seq(), e.seq(), "in seq order");
                if (i == 17) {
                    assertEquals(null, e.stored(), "the large event travels as its seq alone");
                } else {
                    assertEquals(event.type(), e.stored().type());
                    // jsonb gives its own spacing and key order back; the NOTIFY carries the event as written
                    assertEquals(json.readTree(event.body()), json.readTree(e.stored().body()), "event " + event.seq());
                }
            }
            try (Statement s = listen.createStatement()) {
                s.execute("UNLISTEN *");
            }
        }
    }

    /** The room's event envelopes among the NOTIFYs that arrive within the timeout. */
    private static List<Envelope> events(Connection listen, UUID room, int timeoutMillis) throws Exception {
        List<Envelope> out = new ArrayList<>();
        PGNotification[] batch = listen.unwrap(PGConnection.class).getNotifications(timeoutMillis);
        for (PGNotification n : batch == null ? new PGNotification[0] : batch) {
            n.getParameter().lines().map(Envelope::parse)
                    .filter(e -> e.kind().equals(Envelope.EVENT) && e.target().equals(room.toString()))
                    .forEach(out::add);
        }
        return out;
    }
}
