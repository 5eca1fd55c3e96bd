package org.consilium.platform;

import io.quarkus.vertx.http.HttpServerOptionsCustomizer;
import io.vertx.core.http.HttpServerOptions;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Turns off HTTP/2 over cleartext (h2c) on the plain HTTP listener; HTTP/2 over TLS (ALPN) is unaffected.
 * An h2c upgrade arrives as an HTTP/1.1 request whose whole body the server must take in before it can
 * switch protocols. Measured here: a 315 MB STOW-RS sent by {@code curl --http2} got "101 Switching
 * Protocols" and no answer at all, and such a body is exactly what the 256 MB heap must never hold. Without
 * h2c the server ignores the {@code Upgrade} header and the request streams as HTTP/1.1.
 */
@ApplicationScoped
public class NoCleartextHttp2Upgrade implements HttpServerOptionsCustomizer {

    @Override
    public void customizeHttpServer(HttpServerOptions options) {
        options.setHttp2ClearTextEnabled(false);
    }
}
