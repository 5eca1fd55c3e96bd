package org.consilium.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What a room event's NOTIFY carries: the event itself when PostgreSQL's byte limit allows, else its seq. */
class NotificationPayloadTest {

    private static final UUID ROOM = UUID.fromString("00000000-0000-0000-0000-00000000000a");

    @Test
    void aSmallEventTravelsWhole() {
        String body = "{\"type\":\"chat\",\"data\":{\"text\":\"请看第42层\"}}";
        assertEquals(ROOM + ":7:chat:" + body, RoomLog.notification(ROOM, 7, "chat", body));
    }

    @Test
    void anEventOverTheByteLimitTravelsAsItsSeqOnly() {
        String ascii = "{\"text\":\"" + "a".repeat(Backplane.MAX_PAYLOAD) + "\"}";
        assertEquals(ROOM + ":8", RoomLog.notification(ROOM, 8, "chat", ascii));
    }

    @Test
    void chineseTextIsMeasuredInBytesNotCharacters() {
        // 3,000 characters, 9,000 bytes in UTF-8: short enough by length, too long for PostgreSQL
        String chinese = "{\"text\":\"" + "肺".repeat(3000) + "\"}";
        assertTrue(chinese.length() < Backplane.MAX_PAYLOAD);
        assertFalse(Backplane.fits(chinese));
        assertEquals(ROOM + ":9", RoomLog.notification(ROOM, 9, "chat", chinese));
        String fitting = "肺".repeat(Backplane.MAX_PAYLOAD / 3);
        assertTrue(fitting.getBytes(StandardCharsets.UTF_8).length <= Backplane.MAX_PAYLOAD);
        assertTrue(Backplane.fits(fitting));
    }
}
