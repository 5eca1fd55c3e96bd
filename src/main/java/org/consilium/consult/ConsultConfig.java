package org.consilium.consult;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Every setting of consults ({@code consilium.consult.*}), read here and nowhere else. */
@ConfigMapping(prefix = "consilium.consult")
public interface ConsultConfig {

    /** The largest attachment (pathology PDF, lab sheet, image) one upload may carry. */
    @WithDefault("20M")
    MemorySize maxAttachment();
}
