package org.consilium.archive.upload;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;

/** Settings of resumable uploads ({@code consilium.archive.upload.*}), a group of {@link org.consilium.archive.ArchiveConfig}. */
public interface UploadConfig {

    /** Where the bytes of uploads in progress are kept (default {@code <data dir>/uploads}). */
    Path dir();

    /** The largest file one upload may carry (a target may allow less: an attachment 20 MB). */
    @WithDefault("2G")
    MemorySize maxSize();

    /** An upload not written to for this long is deleted with its bytes (tus expiration). */
    @WithDefault("24h")
    Duration expireAfter();
}
