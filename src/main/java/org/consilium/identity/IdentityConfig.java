package org.consilium.identity;

import io.smallrye.config.ConfigMapping;

/** Every setting of identity of our own ({@code consilium.identity.*}); Quarkus' OIDC settings are its own. */
@ConfigMapping(prefix = "consilium.identity")
public interface IdentityConfig {

    /** The Keycloak realm whose organizations are our hospitals. */
    String keycloakRealm();
}
