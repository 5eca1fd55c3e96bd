package org.consilium.registry.statistics;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.consilium.identity.CurrentUser;
import org.consilium.identity.HospitalView;
import org.consilium.registry.RegistryScope;
import org.consilium.registry.referral.ReferralItem;

/**
 * The figures of {@link RegistryFigures}, counted in the database. Reports count for the reporting hospital;
 * referrals and their items for both the referring and the receiving hospital.
 */
@ApplicationScoped
public class RegistryStatistics {

    @Inject
    RegistryScope scope;
    @Inject
    EntityManager em;

    @Transactional
    public RegistryFigures figures(CurrentUser user) {
        List<UUID> seen = scope.visibleHospitals(user);
        UUID own = user.hospital().map(HospitalView::id).orElse(null);
        Instant now = Instant.now();
        Object[] r = em.createQuery("select count(t), count(t.recordedAt),"
                        + " sum(case when t.recordedAt is not null and t.recordedAt <= t.recordDueAt then 1 else 0 end),"
                        + " sum(case when t.recordedAt is null and t.recordDueAt < :now then 1 else 0 end)"
                        + " from TumorReport t where t.hospitalId in :seen", Object[].class)
                .setParameter("seen", seen).setParameter("now", now).getSingleResult();
        Number meanSeconds = em.createQuery("select avg(extract(epoch from t.recordedAt) - extract(epoch from"
                        + " t.reportedAt)) from TumorReport t where t.recordedAt is not null and t.hospitalId in :seen",
                Number.class).setParameter("seen", seen).getSingleResult();
        String mine = "(f.fromHospitalId in :seen or f.toHospitalId = :own)";
        Map<String, Long> up = new TreeMap<>();
        Map<String, Long> down = new TreeMap<>();
        for (Object[] row : em.createQuery("select f.direction, f.state, count(f) from Referral f where " + mine
                        + " group by f.direction, f.state", Object[].class)
                .setParameter("seen", seen).setParameter("own", own).getResultList()) {
            (row[0].toString().equals("UP") ? up : down).put(row[1].toString(), (Long) row[2]);
        }
        Object[] items = em.createQuery("select count(i.recognition),"
                        + " sum(case when i.recognition = :recognised then 1 else 0 end)"
                        + " from ReferralItem i, Referral f where i.referralId = f.id and " + mine, Object[].class)
                .setParameter("seen", seen).setParameter("own", own)
                .setParameter("recognised", ReferralItem.Recognition.RECOGNISED).getSingleResult();
        long decided = number(items[0]);
        long recognised = number(items[1]);
        long total = number(r[0]);
        long recorded = number(r[1]);
        return new RegistryFigures(total, recorded, number(r[2]), total - recorded, number(r[3]),
                meanSeconds == null ? null : meanSeconds.doubleValue(), up, down, decided, recognised,
                decided - recognised, decided == 0 ? null : (double) recognised / decided);
    }

    private static long number(Object o) {
        return o == null ? 0 : ((Number) o).longValue();
    }
}
