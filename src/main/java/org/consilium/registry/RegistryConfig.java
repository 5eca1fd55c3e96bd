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

    /** How long before a follow-up visit falls due its assignee is reminded (whole days count). */
    @WithDefault("7d")
    Duration remindBefore();

    /** How often the reminder job looks for visits to remind of (one replica claims each visit). */
    @WithDefault("1h")
    Duration reminderEvery();
}
