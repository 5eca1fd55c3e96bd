package org.consilium.radiotherapy.submission;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import java.time.Duration;

/** Every setting of radiotherapy ({@code consilium.radiotherapy.*}), read here and nowhere else. */
@ConfigMapping(prefix = "consilium.radiotherapy")
public interface RadiotherapyConfig {

    /** How often submissions waiting for their objects look at their study again. */
    Duration pollInterval();

    /** The review queue's SLA target from entering the queue to a decision, when a case manager sets none. */
    Duration reviewSla();

    /** Bytes of gzipped contours JSON each replica keeps for the viewer (revisions never change). */
    MemorySize contoursCacheSize();
}
