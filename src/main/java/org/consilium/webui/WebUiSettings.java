package org.consilium.webui;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Every setting of the browser app's server side ({@code consilium.webui.*}). */
@ConfigMapping(prefix = "consilium.webui")
public interface WebUiSettings {

    /** The realm's public client the app signs in with (authorization code with PKCE). */
    @WithDefault("consilium-web")
    String clientId();
}
