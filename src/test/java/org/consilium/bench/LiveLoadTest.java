package org.consilium.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class LiveLoadTest {

    private static LiveLoad.Result result(String setting, double p99) {
        return new LiveLoad.Result(setting, 1, 1, p99, p99, 0, 0, 0, 0, 0, 0, StageHistogram.parse(""));
    }

    @Test
    void eachLiveRoundIsComparedWithTheBareBroadcastOfTheSameRoundOnTheSameServers() {
        LiveLoad.Result bare1 = result("bare broadcast (1 instance) #1", 8);
        LiveLoad.Result bare2 = result("bare broadcast (1 instance) #2", 6);
        LiveLoad.Result bareReplicas = result("bare broadcast (2 replicas) #2", 9);
        List<LiveLoad.Result> all = List.of(bare1, result("live rooms, 1 instance #1", 12), bare2, bareReplicas,
                result("live rooms, 1 instance #2", 13), result("live rooms, 2 replicas #2", 14));
        assertSame(bare1, LiveLoad.pairOf(all.get(1), all));
        assertSame(bare2, LiveLoad.pairOf(all.get(4), all));
        assertSame(bareReplicas, LiveLoad.pairOf(all.get(5), all));
        LiveLoad.Result oneRound = result("bare broadcast (1 instance)", 2); // -Drounds=1: no round numbers
        assertSame(oneRound, LiveLoad.pairOf(result("live rooms, 1 instance", 1), List.of(oneRound)));
        assertThrows(IllegalStateException.class, () -> LiveLoad.pairOf(result("live rooms, 2 replicas #3", 1), all));
    }

    @Test
    void theMedianOfTheRoundsIsTheMiddleOneOrTheMeanOfTheTwoMiddleOnes() {
        assertEquals(1.9, LiveLoad.median(List.of(2.2, 1.5, 1.9)), 1e-9);
        assertEquals(1.7, LiveLoad.median(List.of(2.2, 1.5, 1.9, 1.2)), 1e-9);
        assertEquals(3.0, LiveLoad.median(List.of(3.0)), 1e-9);
    }
}
