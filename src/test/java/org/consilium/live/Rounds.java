package org.consilium.live;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.LongStream;

/** Clients of one room all sending at once, and the check that every one saw the same ordered log. */
final class Rounds {

    private Rounds() {
    }

    /** The highest seq any client's welcome named: events after it are what the round produced. */
    static long start(List<LiveClient> clients) {
        long start = 0;
        for (LiveClient c : clients) {
            start = Math.max(start, c.await("welcome").path("seq").asLong());
        }
        return start;
    }

    /** Each client sends {@code perClient} ops (chats and annotations) concurrently; returns the last acked seq. */
    static long sendConcurrently(List<LiveClient> clients, int perClient) throws Exception {
        List<CompletableFuture<Long>> senders = new ArrayList<>();
        for (LiveClient c : clients) {
            senders.add(CompletableFuture.supplyAsync(() -> {
                long max = 0;
                for (int i = 0; i < perClient; i++) {
                    String opId = c.username + "-" + i;
                    c.send(i % 3 == 0 ? LiveProtocolTest.op("annotation.create", opId, "annotation",
                            LiveProtocolTest.line(i, i, i + 10, i))
                            : LiveProtocolTest.op("chat", opId, "text", "第" + i + "条 from " + c.username));
                    JsonNode ack = c.answer(opId);
                    assertEquals("ack", ack.path("type").asText(), ack.toString());
                    max = Math.max(max, ack.path("seq").asLong());
                }
                return max;
            }));
        }
        long head = 0;
        for (CompletableFuture<Long> s : senders) {
            head = Math.max(head, s.get());
        }
        return head;
    }

    /** Every client received exactly the events start+1..head, the same ones in the same order. */
    static void assertSameGaplessOrder(List<LiveClient> clients, long start, long head, int expected) {
        List<List<String>> seen = new ArrayList<>();
        for (LiveClient c : clients) {
            c.awaitSeq(head);
            seen.add(c.events().stream().filter(e -> e.path("seq").asLong() > start)
                    .map(e -> e.path("seq").asLong() + ":" + e.path("event").path("opId").asText()).toList());
        }
        assertEquals(expected, seen.get(0).size(), seen.get(0).toString());
        for (List<String> other : seen.subList(1, seen.size())) {
            assertEquals(seen.get(0), other);
        }
        List<Long> seqs = seen.get(0).stream().map(s -> Long.parseLong(s.substring(0, s.indexOf(':')))).toList();
        assertEquals(LongStream.rangeClosed(start + 1, head).boxed().toList(), seqs);
    }
}
