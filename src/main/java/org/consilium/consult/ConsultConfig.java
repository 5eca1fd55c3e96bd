package org.consilium.consult;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Every setting of consults ({@code consilium.consult.*}), read here and nowhere else. */
@ConfigMapping(prefix = "consilium.consult")
public interface ConsultConfig {

    /** The largest attachment (pathology PDF, lab sheet, image) one upload may carry. */
    @WithDefault("20M")
    MemorySize maxAttachment();

    /**
     * How long a submitted consult may wait for its first triage decision, by urgency; one still waiting
     * past it counts in {@code consilium_consult_sla_breaches} (docs/operations.md, "Metrics").
     */
    TriageTargets triageTarget();

    interface TriageTargets {
        @WithDefault("72h")
        Duration routine();

        @WithDefault("24h")
        Duration urgent();

        @WithDefault("4h")
        Duration greenChannel();

        default Duration of(Urgency urgency) {
            return switch (urgency) {
                case ROUTINE -> routine();
                case URGENT -> urgent();
                case GREEN_CHANNEL -> greenChannel();
            };
        }
    }
}
