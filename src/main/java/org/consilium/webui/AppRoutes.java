package org.consilium.webui;

import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;

/**
 * The browser app's own routes (/queue, /consults/…, /auth/callback) answer with its index page, which
 * Quinoa serves at /; the app's router then shows the screen. The API, DICOMweb and /q keep their own
 * 404s, and a missing asset (a path with a file extension) stays a 404.
 *
 * <p>Quinoa's SPA routing cannot do this here: Quarkus REST hands an unmatched path to our problem
 * mappers (which answer 404 problem+json) instead of passing it down the route chain, so this route
 * runs before REST and reroutes the app's paths to /. Everything outside the server's own paths (the app's
 * pages and assets) carries the {@link ContentSecurityPolicy}.
 */
@ApplicationScoped
public class AppRoutes {

    static final List<String> SERVER_PREFIXES = List.of("/api/", "/dicomweb/", "/q/");
    static final List<String> SERVER_PATHS = List.of("/api", "/dicomweb", "/q");

    @Inject
    ContentSecurityPolicy csp;

    void register(@Observes Router router) {
        router.get().order(Integer.MIN_VALUE + 100).handler(rc -> {
            if (!isServerPath(rc.normalizedPath())) {
                rc.response().headers().set(ContentSecurityPolicy.HEADER, csp.value());
            }
            if (isAppRoute(rc.normalizedPath())) {
                rc.reroute("/");
            } else {
                rc.next();
            }
        });
    }

    /** The API, DICOMweb and operations paths: the server's own, never the app's. */
    static boolean isServerPath(String path) {
        return path != null && (SERVER_PATHS.contains(path) || SERVER_PREFIXES.stream().anyMatch(path::startsWith));
    }

    /** A path the app's router owns: not the server's, not the root itself, not a file. */
    static boolean isAppRoute(String path) {
        if (path == null || path.equals("/") || isServerPath(path)) {
            return false;
        }
        String last = path.substring(path.lastIndexOf('/') + 1);
        return !last.contains(".");
    }
}
