package org.consilium.radiotherapy.submission;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.consilium.platform.SqlGauges;

/**
 * The provincial review queue as Prometheus gauges, as the consult queue has them:
 * {@code consilium_rt_review_queue} (plans awaiting the reviewers' decision) and
 * {@code consilium_rt_review_sla_breaches} (of those, the ones past their due time). Read from the submission
 * table at each scrape, so every replica reports the same.
 */
@ApplicationScoped
class ReviewQueueMeters {

    private static final String WAITING = "from rt_submission where state = 'AWAITING_REVIEW'";

    @Inject
    SqlGauges gauges;

    void register(@Observes StartupEvent event) {
        gauges.register("consilium.rt.review.queue", "plans awaiting the reviewers' decision",
                "select count(*) " + WAITING);
        gauges.register("consilium.rt.review.sla.breaches", "plans awaiting review past their due time",
                "select count(*) " + WAITING + " and due_at < now()");
    }
}
