package org.consilium.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class UuidV7Test {

    @Test
    void carriesVersionSevenAndTheRfcVariant() {
        UUID id = UuidV7.next();
        assertEquals(7, id.version());
        assertEquals(2, id.variant());
    }

    @Test
    void sortsByCreationTime() {
        UUID earlier = UuidV7.next(1_700_000_000_000L);
        UUID later = UuidV7.next(1_700_000_000_001L);
        assertTrue(earlier.toString().compareTo(later.toString()) < 0);
        assertEquals(1_700_000_000_000L, earlier.getMostSignificantBits() >>> 16);
    }
}
