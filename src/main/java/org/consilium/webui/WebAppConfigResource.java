package org.consilium.webui;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The browser app's start-up settings: the token issuer it signs in with (the same one the API checks
 * tokens against) and its public client. Nothing secret; answered before log-in.
 */
@Path("/api/web-config")
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "browser app", description = "Settings of the browser app served at /")
public class WebAppConfigResource {

    @ConfigProperty(name = "quarkus.oidc.auth-server-url")
    String authority;
    @Inject
    WebUiSettings settings;

    @GET
    @Operation(summary = "Where the browser app signs in (OIDC issuer) and its public client id")
    public WebAppConfig config() {
        return new WebAppConfig(authority, settings.clientId());
    }
}
