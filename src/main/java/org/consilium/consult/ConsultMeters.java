package org.consilium.consult;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Locale;
import org.consilium.platform.SqlGauges;

/**
 * The case managers' queue as Prometheus gauges, per urgency: {@code consilium_consult_queue} (submitted,
 * not yet triaged) and {@code consilium_consult_sla_breaches} (of those, the ones waiting longer than their
 * urgency's triage target). Read from the consult table at each scrape, so every replica reports the same.
 */
@ApplicationScoped
class ConsultMeters {

    private static final String WAITING = "from consult where state = 'REQUESTED' and triaged_at is null and urgency = '%s'";

    @Inject
    SqlGauges gauges;
    @Inject
    ConsultConfig config;

    void register(@Observes StartupEvent event) {
        for (Urgency u : Urgency.values()) {
            String urgency = u.name().toLowerCase(Locale.ROOT);
            gauges.register("consilium.consult.queue", "consults waiting for triage",
                    "select count(*) " + WAITING.formatted(u.name()), "urgency", urgency);
            gauges.register("consilium.consult.sla.breaches", "consults waiting for triage past their target",
                    "select count(*) " + WAITING.formatted(u.name()) + " and submitted_at < now() - interval '"
                            + config.triageTarget().of(u).toSeconds() + " seconds'", "urgency", urgency);
        }
    }
}
