package org.consilium.consult;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import org.consilium.audit.AuditLog;
import org.consilium.audit.Outcome;
import org.consilium.identity.CurrentUser;
import org.consilium.identity.HospitalView;

/** Aggregate SLA clocks: time to triage and time to session over a window of submissions. */
@ApplicationScoped
public class ConsultSla {

    // Percentiles ignore the nulls of clocks that have not stopped; grouping sets give per urgency and overall.
    private static final String SQL = """
            select c.urgency, count(*), count(c.triaged_at), count(c.session_at),
                   count(*) filter (where c.triaged_at is null and c.state <> 'DECLINED'),
                   max(extract(epoch from (cast(:now as timestamptz) - c.submitted_at))) filter (where c.triaged_at is null
                       and c.state <> 'DECLINED'),
                   percentile_cont(0.5) within group (order by extract(epoch from (c.triaged_at - c.submitted_at))),
                   percentile_cont(0.9) within group (order by extract(epoch from (c.triaged_at - c.submitted_at))),
                   max(extract(epoch from (c.triaged_at - c.submitted_at))),
                   percentile_cont(0.5) within group (order by extract(epoch from (c.session_at - c.submitted_at))),
                   percentile_cont(0.9) within group (order by extract(epoch from (c.session_at - c.submitted_at))),
                   max(extract(epoch from (c.session_at - c.submitted_at)))
            from consult c
            where c.submitted_at >= cast(:from as timestamptz) and c.submitted_at < cast(:to as timestamptz)
            group by grouping sets ((c.urgency), ())
            order by c.urgency nulls first""";

    @Inject
    ConsultQueue queue;
    @Inject
    AuditLog audit;
    @Inject
    EntityManager em;

    @Transactional
    public SlaFigures figures(CurrentUser user, Instant from, Instant to) {
        queue.requireCoordinator(user);
        Instant now = Instant.now();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(SQL).setParameter("now", now)
                .setParameter("from", from).setParameter("to", to).getResultList();
        List<SlaFigures.Row> out = rows.stream().map(ConsultSla::row).toList();
        audit.record(user.asActor(), user.hospital().map(HospitalView::id).orElse(null), "consult.sla", "consults",
                Outcome.SUCCESS, from + " .. " + to);
        return new SlaFigures(from, to, out);
    }

    private static SlaFigures.Row row(Object[] r) {
        Urgency urgency = r[0] == null ? null : Urgency.valueOf(r[0].toString());
        Double oldest = number(r[5]);
        return new SlaFigures.Row(urgency, count(r[1]), count(r[2]), count(r[3]), count(r[4]),
                oldest == null ? null : Math.round(oldest),
                clock(r[6], r[7], r[8]), clock(r[9], r[10], r[11]));
    }

    private static SlaFigures.Clock clock(Object median, Object p90, Object max) {
        return median == null ? null : new SlaFigures.Clock(number(median), number(p90), number(max));
    }

    private static long count(Object o) {
        return ((Number) o).longValue();
    }

    private static Double number(Object o) {
        return o == null ? null : ((Number) o).doubleValue();
    }
}
