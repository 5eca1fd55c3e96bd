package org.consilium.archive;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;
import org.consilium.archive.forward.ForwardConfig;

/** Every setting of the archive ({@code consilium.archive.*}), read here and nowhere else. */
@ConfigMapping(prefix = "consilium.archive")
public interface ArchiveConfig {

    /** Our AE title: the called AE we answer to, and the calling AE when we send. */
    String aeTitle();

    /** Port of the DIMSE listener; 0 picks a free one (tests). */
    int dimsePort();

    /** Concurrent DICOM associations; more are rejected as transient. */
    @WithDefault("50")
    int maxAssociations();

    /** How long a registered AE stays cached before the registry is read again. */
    @WithDefault("30s")
    Duration aeCacheTtl();

    /** Directory of the content-addressed blob files. */
    Path blobDir();

    /** Write incoming instances with O_DIRECT where the file system allows it. */
    @WithDefault("true")
    boolean directIo();

    /** C-STORE forwarding to registered AEs. */
    ForwardConfig forward();
}
