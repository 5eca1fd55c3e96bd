package org.consilium.platform;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Settings every capability shares (application.properties, prefix {@code consilium.platform}). */
@ConfigMapping(prefix = "consilium.platform")
public interface PlatformConfig {

    /**
     * How long a stopping replica waits, from SIGTERM, for the DICOM associations and HTTP requests it is
     * serving to finish before it closes what is left (docs/operations.md, "Graceful shutdown").
     */
    @WithDefault("30s")
    Duration shutdownGrace();

    /** Console logs as JSON lines with the request id ({@link JsonLogs}); plain text when false. */
    @WithDefault("false")
    boolean logJson();
}
