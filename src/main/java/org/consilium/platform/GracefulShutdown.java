package org.consilium.platform;

import io.quarkus.runtime.ShutdownDelayInitiatedEvent;
import io.quarkus.runtime.ShutdownEvent;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * The clock of a graceful shutdown, and its HTTP half. SIGTERM (Quarkus' pre-shutdown, while readiness
 * turns DOWN) starts the grace: {@link #deadline()} is when whatever is still running gets cut. After the
 * optional delay, new HTTP requests get 503 and those running may finish until the deadline; the other
 * capabilities drain their own work (DICOM associations) against the same deadline.
 *
 * <p>Quarkus' own HTTP drain ({@code quarkus.shutdown.timeout}) is not used: it counts a WebSocket's
 * upgrade request as running for as long as the server lives, so any replica that ever served a live
 * room waited out the whole grace. Here upgrades are not counted; live sockets are closed with 1012 instead.
 */
@ApplicationScoped
public class GracefulShutdown {

    private static final Logger LOG = Logger.getLogger(GracefulShutdown.class);
    private static final long POLL_MILLIS = 50;

    @Inject
    PlatformConfig config;

    private final AtomicInteger running = new AtomicInteger();
    private volatile boolean refusing;
    private volatile Instant deadline;

    void count(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 1).handler(ctx -> {
            if (refusing) {
                ctx.response().setStatusCode(503).putHeader(HttpHeaders.CONNECTION, "close").end();
                return;
            }
            if (!"websocket".equalsIgnoreCase(ctx.request().getHeader(HttpHeaders.UPGRADE))) {
                running.incrementAndGet();
                ctx.addEndHandler(done -> running.decrementAndGet());
            }
            ctx.next();
        });
    }

    void begin(@Observes @Priority(1) ShutdownDelayInitiatedEvent event) {
        deadline = Instant.now().plus(config.shutdownGrace());
    }

    /** Runs before the other capabilities' shutdown observers: HTTP requests first, then theirs. */
    void drainHttp(@Observes @Priority(1) ShutdownEvent event) throws InterruptedException {
        refusing = true;
        while (running.get() > 0 && Instant.now().isBefore(deadline())) {
            Thread.sleep(POLL_MILLIS);
        }
        if (running.get() > 0) {
            LOG.warnf("shutdown grace over: %d HTTP request(s) still running", running.get());
        }
    }

    /** When the work still running at shutdown is cut: SIGTERM plus the grace. */
    public Instant deadline() {
        Instant d = deadline;
        return d != null ? d : Instant.now().plus(config.shutdownGrace());
    }
}
