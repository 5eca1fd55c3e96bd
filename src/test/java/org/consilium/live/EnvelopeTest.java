package org.consilium.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What travels in a NOTIFY payload: envelopes, a room event whole when PostgreSQL's byte limit allows. */
class EnvelopeTest {

    private static final String ROOM = "00000000-0000-0000-0000-00000000000a";

    @Test
    void aSmallEventTravelsWholeAndReadsBack() {
        String body = "{\"type\":\"chat\",\"data\":{\"text\":\"请看第42层 | a|b\"}}";
        Envelope e = Envelope.event("replica-a", ROOM, new RoomLog.Stored(7, "chat", body));
        assertEquals("event|replica-a|" + ROOM + "|7|chat|" + body, e.line());
        Envelope back = Envelope.parse(e.line());
        assertEquals(e, back);
        assertEquals(new RoomLog.Stored(7, "chat", body), back.stored());
        assertEquals(7, back.seq());
    }

    @Test
    void anEventOverTheByteLimitTravelsAsItsSeqOnly() {
        String ascii = "{\"text\":\"" + "a".repeat(Envelope.MAX_PAYLOAD) + "\"}";
        Envelope e = Envelope.parse(Envelope.event("r", ROOM, new RoomLog.Stored(8, "chat", ascii)).line());
        assertEquals("event|r|" + ROOM + "|8", e.line());
        assertNull(e.stored());
        assertEquals(8, e.seq());
    }

    @Test
    void chineseTextIsMeasuredInBytesNotCharacters() {
        // 3,000 characters, 9,000 bytes in UTF-8: short enough by length, too long for PostgreSQL
        String chinese = "{\"text\":\"" + "肺".repeat(3000) + "\"}";
        assertTrue(chinese.length() < Envelope.MAX_PAYLOAD);
        assertFalse(new Envelope(Envelope.USER, "r", "u", chinese).fits());
        assertEquals("event|r|" + ROOM + "|9", Envelope.event("r", ROOM, new RoomLog.Stored(9, "chat", chinese)).line());
        Envelope emoji = new Envelope(Envelope.USER, "r", "u", "🫁肺a");
        assertEquals(emoji.line().getBytes(StandardCharsets.UTF_8).length, emoji.bytes());
    }

    @Test
    void queuedEnvelopesArePackedIntoPayloadsUnderTheLimitInOrder() {
        Envelope big = new Envelope(Envelope.EPHEMERAL, "r", ROOM, "{\"x\":\"" + "肺".repeat(1500) + "\"}");
        Envelope small = new Envelope(Envelope.HELLO, "r", "", "");
        List<String> payloads = Announcer.payloads(List.of(small, big, big, small));
        assertEquals(List.of(small.line() + "\n" + big.line(), big.line() + "\n" + small.line()), payloads);
        for (String p : payloads) {
            assertTrue(p.getBytes(StandardCharsets.UTF_8).length <= Envelope.MAX_PAYLOAD, "payload fits");
        }
    }
}
