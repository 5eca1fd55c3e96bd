package org.consilium.identity;

import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only while the token issuer answers its discovery document: without it no call can be verified. */
@Readiness
@ApplicationScoped
public class KeycloakIssuerCheck implements HealthCheck {

    private static final Duration TIMEOUT = Duration.ofSeconds(3);
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    @ConfigProperty(name = "quarkus.oidc.auth-server-url")
    String issuer;

    @Override
    public HealthCheckResponse call() {
        var builder = HealthCheckResponse.named("keycloak-issuer").withData("issuer", issuer);
        try {
            HttpRequest req = HttpRequest.newBuilder(URI.create(issuer + "/.well-known/openid-configuration"))
                    .timeout(TIMEOUT).build();
            int status = http.send(req, HttpResponse.BodyHandlers.discarding()).statusCode();
            return builder.status(status == 200).withData("status", status).build();
        } catch (java.io.IOException e) {
            return builder.down().withData("error", String.valueOf(e.getMessage())).build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return builder.down().withData("error", "interrupted").build();
        }
    }
}
