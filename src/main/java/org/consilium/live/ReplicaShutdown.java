package org.consilium.live;

import io.quarkus.runtime.ShutdownDelayInitiatedEvent;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.OpenConnections;
import io.quarkus.websockets.next.WebSocketConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Collection;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jboss.logging.Logger;

/**
 * SIGTERM, while readiness turns DOWN: every socket on this replica, room or user channel, is closed with
 * {@link CloseCodes#SERVICE_RESTART}. Clients reconnect at once with their lastSeq; the load balancer, which
 * no longer counts this replica ready, sends them to another, where nothing is lost (the room log is in
 * PostgreSQL).
 */
@ApplicationScoped
class ReplicaShutdown {

    private static final Logger LOG = Logger.getLogger(ReplicaShutdown.class);
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(5);

    @Inject
    OpenConnections connections;

    void closeSockets(@Observes ShutdownDelayInitiatedEvent event) {
        Collection<WebSocketConnection> open = connections.listAll();
        CloseReason reason = new CloseReason(CloseCodes.SERVICE_RESTART, "replica stopping: reconnect with lastSeq");
        CompletableFuture<?>[] closing = open.stream()
                .map(c -> c.close(reason).subscribeAsCompletionStage())
                .toArray(CompletableFuture[]::new);
        try {
            CompletableFuture.allOf(closing).get(CLOSE_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOG.debugf("not every socket closed cleanly: %s", e.toString());
        }
        if (!open.isEmpty()) {
            LOG.infof("closed %d live socket(s) for shutdown (%d)", open.size(), CloseCodes.SERVICE_RESTART);
        }
    }
}
