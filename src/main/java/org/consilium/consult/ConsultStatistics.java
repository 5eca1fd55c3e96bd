package org.consilium.consult;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.consilium.identity.CurrentUser;
import org.consilium.identity.HospitalAccess;
import org.consilium.platform.ProblemException;
import org.consilium.platform.ProblemType;

/**
 * Consult figures for other capabilities' statistics: counts per month and the turnaround of each step, over the
 * consults requested by a set of hospitals the caller may see, submitted in [from, to). Counts only; no patient.
 */
@ApplicationScoped
public class ConsultStatistics {

    /** Months in Asia/Shanghai, where the alliance works. */
    public static final String ZONE = "Asia/Shanghai";

    /**
     * The consult clocks (first submission, first triage decision, first session start, first signature; V21) of the
     * consults in the window, read once: counted per month of submission, and over the window (the row whose month
     * is null) with the median and 90th percentile of each step.
     */
    private static final String SQL = "with k as (select c.submitted_at, c.triaged_at, c.session_at, c.signed_at"
            + " from consult c where c.hospital_id in (:hospitals) and c.submitted_at >= cast(:from as timestamptz)"
            + " and c.submitted_at < cast(:to as timestamptz))"
            + " select to_char(m.month, 'YYYY-MM'), m.requested, m.signed" + ", null, null, null".repeat(4)
            + " from (select date_trunc('month', k.submitted_at at time zone '" + ZONE + "') as month,"
            + " count(*) as requested, count(k.signed_at) as signed from k group by 1) m"
            + " union all select null, count(*), count(k.signed_at), " + step("k.triaged_at", "k.submitted_at") + ", "
            + step("k.session_at", "k.triaged_at") + ", " + step("k.signed_at", "k.session_at") + ", "
            + step("k.signed_at", "k.submitted_at") + " from k order by 1";

    /** The four steps, in {@link Figures#steps()} order. */
    public static final List<String> STEP_NAMES = List.of("requestToTriage", "triageToSession", "sessionToSigned",
            "requestToSigned");

    @Inject
    HospitalAccess access;
    @Inject
    EntityManager em;

    /** Consults requested and signed in one calendar month (YYYY-MM, Asia/Shanghai) of submission. */
    public record Month(String month, long requested, long signed) {
    }

    /** One step's clock over the consults that passed both ends: how many, median and 90th percentile, seconds. */
    public record Step(String step, long count, Double medianSeconds, Double p90Seconds) {
    }

    public record Figures(long requested, long signed, List<Month> months, List<Step> steps) {
    }

    /**
     * The figures over the consults requested by {@code hospitals}; 403 when one of them is not the caller's to
     * see (identity's rule).
     */
    @Transactional
    public Figures figures(CurrentUser user, Collection<UUID> hospitals, Instant from, Instant to) {
        for (UUID h : hospitals) {
            if (!access.maySee(user, h)) {
                throw new ProblemException(ProblemType.FORBIDDEN, "You may not see the consults of hospital " + h);
            }
        }
        if (hospitals.isEmpty()) {
            return new Figures(0, 0, List.of(), STEP_NAMES.stream().map(s -> new Step(s, 0, null, null)).toList());
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(SQL).setParameter("hospitals", hospitals)
                .setParameter("from", from).setParameter("to", to).getResultList();
        List<Month> months = new ArrayList<>();
        Object[] total = null;
        for (Object[] row : rows) {
            if (row[0] == null) {
                total = row;
            } else {
                months.add(new Month((String) row[0], count(row[1]), count(row[2])));
            }
        }
        List<Step> steps = new ArrayList<>();
        for (int i = 0; i < STEP_NAMES.size(); i++) {
            steps.add(new Step(STEP_NAMES.get(i), count(total[3 + 3 * i]), number(total[4 + 3 * i]),
                    number(total[5 + 3 * i])));
        }
        return new Figures(count(total[1]), count(total[2]), months, steps);
    }

    /**
     * How many consults passed both ends, and the median and 90th percentile in seconds: one aggregate, so one sort,
     * for both.
     */
    private static String step(String end, String start) {
        String percentiles = "(percentile_cont(array[0.5, 0.9]) within group (order by extract(epoch from (" + end
                + " - " + start + "))))";
        return "count(" + end + " - " + start + "), " + percentiles + "[1], " + percentiles + "[2]";
    }

    private static long count(Object o) {
        return o == null ? 0 : ((Number) o).longValue();
    }

    private static Double number(Object o) {
        return o == null ? null : ((Number) o).doubleValue();
    }
}
