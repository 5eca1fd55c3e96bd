package org.consilium.live;

import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.WebSocketConnection;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One open socket on this replica: who it is, how far the room's log has been delivered to it, and its
 * bounded outbound queue. Frames go out one at a time; a socket whose queue fills while it follows the
 * live log is a slow client and is closed with {@link CloseCodes#SLOW_CLIENT}; it resyncs with lastSeq.
 */
final class Peer {

    final WebSocketConnection connection;
    final UUID roomId;
    final Actor actor;
    final String username;
    final UUID hospitalId;
    final TokenBucket ops;
    final TokenBucket ephemeral;
    final TokenBucket errors = new TokenBucket(5, 10);

    /** Highest seq offered to this socket; written only by the room's pump. */
    volatile long delivered;
    /** While {@code delivered} is below this, the socket is replaying and waits for room in its queue. */
    volatile long replayUntil;
    /** Called when a replaying socket's queue has drained to half. */
    volatile Runnable onDrained = () -> { };

    private final int capacity;
    private final Queue<Object> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger size = new AtomicInteger();
    private final AtomicBoolean sending = new AtomicBoolean();
    private final AtomicBoolean closing = new AtomicBoolean();

    private final LiveStages stages;

    /** A room event's frame and when it was queued, for the send stage of {@link LiveStages}. */
    private record EventFrame(String text, long queuedAt) {
    }

    Peer(WebSocketConnection connection, UUID roomId, Actor actor, String username, UUID hospitalId, LiveConfig config,
         LiveStages stages) {
        this.connection = connection;
        this.stages = stages;
        this.roomId = roomId;
        this.actor = actor;
        this.username = username;
        this.hospitalId = hospitalId;
        this.capacity = config.queueCapacity();
        this.ops = new TokenBucket(config.opsPerSecond(), config.opsBurst());
        this.ephemeral = new TokenBucket(config.ephemeralPerSecond(), config.ephemeralPerSecond());
    }

    String id() {
        return connection.id();
    }

    /** Queues a frame; false when the queue is full (nothing queued). */
    boolean offer(String frame) {
        return enqueue(frame);
    }

    /** Queues a room event's frame like {@link #offer}, timing it until its write completes. */
    boolean offerEvent(String frame) {
        return enqueue(new EventFrame(frame, System.nanoTime()));
    }

    private boolean enqueue(Object frame) {
        if (closing.get()) {
            return true; // the socket is going away; the frame is moot
        }
        if (size.incrementAndGet() > capacity) {
            size.decrementAndGet();
            return false;
        }
        queue.add(frame);
        drain();
        return true;
    }

    /** Queues an ephemeral frame only while the queue is less than half full; it is dropped otherwise. */
    void offerEphemeral(String frame) {
        if (size.get() < capacity / 2) {
            offer(frame);
        }
    }

    int free() {
        return capacity - size.get();
    }

    boolean replaying() {
        return delivered < replayUntil;
    }

    /** Closes after the frames already queued have been sent. */
    void closeAfterQueued(int code, String reason) {
        size.incrementAndGet();
        queue.add(new CloseReason(code, reason));
        drain();
    }

    /** Closes now, dropping what is queued. */
    void closeNow(int code, String reason) {
        if (closing.compareAndSet(false, true)) {
            queue.clear();
            connection.close(new CloseReason(code, reason)).subscribe().with(ok -> { }, failure -> { });
        }
    }

    boolean closed() {
        return closing.get() || connection.isClosed();
    }

    private void drain() {
        while (sending.compareAndSet(false, true)) {
            Object next = queue.poll();
            if (next == null) {
                sending.set(false);
                if (queue.isEmpty()) {
                    return;
                }
                continue;
            }
            if (next instanceof CloseReason reason) {
                closeNow(reason.getCode(), reason.getMessage());
                return;
            }
            String text = next instanceof EventFrame e ? e.text() : (String) next;
            connection.sendText(text).subscribe().with(ok -> {
                if (next instanceof EventFrame e) {
                    stages.since(LiveStages.Stage.SEND, e.queuedAt());
                }
                sent();
            }, failure -> {
                sent();
                closeNow(CloseCodes.SERVER_ERROR, "send failed");
            });
            return;
        }
    }

    private void sent() {
        int left = size.decrementAndGet();
        sending.set(false);
        if (left == capacity / 2 && replaying()) {
            onDrained.run();
        }
        drain();
    }
}
