package org.consilium.platform;

import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.regex.Pattern;
import org.jboss.logging.MDC;

/**
 * One id per unit of work, in the logging MDC under {@code requestId} (a JSON log line carries it in its
 * {@code mdc}): every HTTP request, answered in the {@code X-Request-Id} header and in problem+json bodies,
 * and every DICOM association. An id the caller sends in {@code X-Request-Id} (an ingress's, a county
 * system's) is kept when it is short and plain, so one id follows the request across systems.
 */
@ApplicationScoped
public class RequestIds {

    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "requestId";
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    /** Before every other handler, so that everything the request logs carries its id. */
    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(ctx -> {
            String sent = ctx.request().getHeader(HEADER);
            String id = sent != null && PLAIN.matcher(sent).matches() ? sent : UuidV7.next().toString();
            MDC.put(MDC_KEY, id);
            ctx.response().putHeader(HEADER, id);
            ctx.next();
        });
    }

    /** Starts a unit of work that is not an HTTP request on this thread (a DICOM association); its id. */
    public static String begin(String prefix) {
        String id = prefix + UuidV7.next();
        MDC.put(MDC_KEY, id);
        return id;
    }

    /** The id of the work this thread is doing, or null outside one. */
    public static String current() {
        Object id = MDC.get(MDC_KEY);
        return id == null ? null : id.toString();
    }
}
