package org.consilium.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class LiveLoadTest {

    @Test
    void theMedianOfTheRoundsIsTheMiddleOneOrTheMeanOfTheTwoMiddleOnes() {
        assertEquals(1.9, LiveLoad.median(List.of(2.2, 1.5, 1.9)), 1e-9);
        assertEquals(1.7, LiveLoad.median(List.of(2.2, 1.5, 1.9, 1.2)), 1e-9);
        assertEquals(3.0, LiveLoad.median(List.of(3.0)), 1e-9);
    }
}
