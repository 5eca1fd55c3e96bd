package org.consilium.archive.upload;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Settings of resumable uploads ({@code consilium.upload.*}). */
@ConfigMapping(prefix = "consilium.upload")
public interface UploadConfig {

    /** The largest file one upload may carry (a target may allow less: an attachment 20 MB). */
    @WithDefault("2G")
    MemorySize maxSize();

    /** An upload not written to for this long is deleted with its bytes (tus expiration). */
    @WithDefault("24h")
    Duration expireAfter();
}
