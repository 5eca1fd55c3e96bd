package org.consilium.radiotherapy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.consilium.identity.CurrentUser;
import org.consilium.identity.HospitalAccess;
import org.consilium.platform.ProblemException;
import org.consilium.platform.ProblemType;
import org.consilium.radiotherapy.review.ExpertRevisionDice;

/**
 * Radiotherapy review figures for other capabilities' statistics, over the plans submitted by a set of hospitals
 * the caller may see in [from, to): how many were reviewed and approved on the first pass, and per ROI how often
 * experts edited it and the median Dice of their revisions against the revision they started from. Counts only.
 */
@ApplicationScoped
public class ReviewStatistics {

    private static final String PLANS = """
            select count(*) filter (where s.queued_at is not null),
                   count(*) filter (where exists (select 1 from rt_decision d where d.submission_id = s.id)),
                   count(*) filter (where s.state = 'APPROVED'),
                   count(*) filter (where s.state = 'APPROVED' and not exists (select 1 from rt_decision d
                       where d.submission_id = s.id and d.action = 'RETURN'))
            from rt_submission s
            where s.hospital_id in (:hospitals) and s.created_at >= cast(:from as timestamptz)
              and s.created_at < cast(:to as timestamptz)""";

    private static final String ROIS = """
            select d.roi_name, count(*), percentile_cont(0.5) within group (order by d.dice)
            from rt_revision_dice d
            where d.hospital_id in (:hospitals) and d.created_at >= cast(:from as timestamptz)
              and d.created_at < cast(:to as timestamptz)
            group by d.roi_name order by 2 desc, 1 limit :limit""";

    @Inject
    HospitalAccess access;
    @Inject
    ExpertRevisionDice dice;
    @Inject
    EntityManager em;

    /**
     * @param reviews          plans submitted in the window that entered the review queue
     * @param decided          of them, plans with a decision (returned at least once, or approved)
     * @param approved         of them, plans approved
     * @param approvedFirstPass of them, plans approved without ever being returned
     * @param rois             the most edited ROIs (by expert revisions made in the window), most edited first
     */
    public record Figures(long reviews, long decided, long approved, long approvedFirstPass, List<RoiEdits> rois) {
    }

    /** How many expert revisions changed an ROI, and the median of their Dice against the parent (null: none). */
    public record RoiEdits(String roi, long edits, Double medianDice) {
    }

    /** The figures; 403 when one of {@code hospitals} is not the caller's to see (identity's rule). */
    @Transactional
    public Figures figures(CurrentUser user, Collection<UUID> hospitals, Instant from, Instant to, int roiLimit) {
        for (UUID h : hospitals) {
            if (!access.maySee(user, h)) {
                throw new ProblemException(ProblemType.FORBIDDEN, "You may not see the plans of hospital " + h);
            }
        }
        if (hospitals.isEmpty()) {
            return new Figures(0, 0, 0, 0, List.of());
        }
        dice.fillMissing(hospitals, from, to);
        Object[] p = (Object[]) em.createNativeQuery(PLANS).setParameter("hospitals", hospitals)
                .setParameter("from", from).setParameter("to", to).getSingleResult();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(ROIS).setParameter("hospitals", hospitals)
                .setParameter("from", from).setParameter("to", to).setParameter("limit", roiLimit).getResultList();
        return new Figures(count(p[0]), count(p[1]), count(p[2]), count(p[3]), rows.stream()
                .map(r -> new RoiEdits((String) r[0], count(r[1]), r[2] == null ? null : ((Number) r[2]).doubleValue()))
                .toList());
    }

    private static long count(Object o) {
        return o == null ? 0 : ((Number) o).longValue();
    }
}
