package org.consilium.registry;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Every setting of case management ({@code consilium.registry.*}), read here and nowhere else. */
@ConfigMapping(prefix = "consilium.registry")
public interface RegistryConfig {

    /** How long a case manager has to record (立即录档) a new-tumor report once it is reported. */
    @WithDefault("24h")
    Duration recordWithin();
}
