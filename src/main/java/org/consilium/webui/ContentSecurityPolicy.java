package org.consilium.webui;

import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The Content-Security-Policy the browser app runs under, sent with every page and asset it is served from.
 * Scripts only from the server itself (WebAssembly compiled for cornerstone's image codecs, nothing evaluated
 * from strings), workers from the server or the blobs cornerstone makes, connections to the server (its API,
 * DICOMweb and live sockets) and to the OIDC issuer (discovery, tokens), no plug-ins, no framing.
 * Inline styles stay allowed: the viewer's libraries write them into the elements they create.
 */
@ApplicationScoped
public class ContentSecurityPolicy {

    static final String HEADER = "Content-Security-Policy";

    @ConfigProperty(name = "quarkus.oidc.auth-server-url")
    String issuer;

    private volatile String policy;

    /** The header's value for this server. */
    String value() {
        String p = policy;
        if (p == null) {
            p = forIssuer(issuer);
            policy = p;
        }
        return p;
    }

    /** The policy with the OIDC issuer's origin allowed for connections and the log-in form. */
    static String forIssuer(String issuerUrl) {
        String idp = origin(issuerUrl);
        return String.join("; ",
                "default-src 'self'",
                "script-src 'self' 'wasm-unsafe-eval'",
                "worker-src 'self' blob:",
                "style-src 'self' 'unsafe-inline'",
                "img-src 'self' data: blob:",
                "font-src 'self' data:",
                "connect-src 'self' " + idp,
                "form-action 'self' " + idp,
                "object-src 'none'",
                "base-uri 'self'",
                "frame-ancestors 'none'");
    }

    /** scheme://host[:port] of a URL. */
    static String origin(String url) {
        URI u = URI.create(url);
        return u.getScheme() + "://" + u.getHost() + (u.getPort() < 0 ? "" : ":" + u.getPort());
    }
}
