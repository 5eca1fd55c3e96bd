package org.consilium.webui;

import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;

/**
 * The browser app's own routes (/queue, /consults/…, /auth/callback) answer with its index page, which
 * Quinoa serves at /; the app's router then shows the screen. The API, DICOMweb and /q keep their own
 * 404s, and a missing asset (a path with a file extension) stays a 404.
 *
 * <p>Quinoa's SPA routing cannot do this here: Quarkus REST hands an unmatched path to our problem
 * mappers (which answer 404 problem+json) instead of passing it down the route chain, so this route
 * runs before REST and reroutes the app's paths to /.
 */
@ApplicationScoped
public class AppRoutes {

    static final List<String> SERVER_PREFIXES = List.of("/api/", "/dicomweb/", "/q/");
    static final List<String> SERVER_PATHS = List.of("/api", "/dicomweb", "/q");

    void register(@Observes Router router) {
        router.get().order(Integer.MIN_VALUE + 100).handler(rc -> {
            if (isAppRoute(rc.normalizedPath())) {
                rc.reroute("/");
            } else {
                rc.next();
            }
        });
    }

    /** A path the app's router owns: not the server's, not the root itself, not a file. */
    static boolean isAppRoute(String path) {
        if (path == null || path.equals("/") || SERVER_PATHS.contains(path)
                || SERVER_PREFIXES.stream().anyMatch(path::startsWith)) {
            return false;
        }
        String last = path.substring(path.lastIndexOf('/') + 1);
        return !last.contains(".");
    }
}
