package org.consilium.registry.statistics;

import static org.consilium.registry.statistics.Counts.count;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Two-way referral (双向转诊) from or to the hospitals: up and down per month, the recognition rate of the results
 * they carried (检查检验结果互认), and the outward-referral rate of newly reported patients (外转率).
 */
@ApplicationScoped
class ReferralSection implements Section {

    private static final String WHERE = " from referral f where (f.from_hospital_id in (:hospitals)"
            + " or f.to_hospital_id in (:hospitals)) and f.requested_at >= cast(:start as timestamptz)"
            + " and f.requested_at < cast(:end as timestamptz)";
    private static final String MONTH = "date_trunc('month', f.requested_at at time zone '" + Window.ZONE.getId()
            + "')";
    private static final String MONTHS = "select to_char(" + MONTH + ", 'YYYY-MM'), count(*) filter (where f.direction"
            + " = 'UP'), count(*) filter (where f.direction = 'DOWN')" + WHERE + " group by " + MONTH;
    private static final String ITEMS = "select count(i.recognition), count(*) filter (where i.recognition = 'RECOGNISED')"
            + " from referral_item i where i.referral_id in (select f.id" + WHERE + ")";
    /** Patients newly reported in the window, and those of them recorded as leaving (one hashed look-up each). */
    private static final String OUTWARD = "select count(*), count(*) filter (where r.patient_id in (select o.patient_id"
            + " from outward_referral o)) from (select distinct t.patient_id from tumor_report t"
            + " where t.hospital_id in (:hospitals) and t.reported_at >= cast(:start as timestamptz)"
            + " and t.reported_at < cast(:end as timestamptz)) r";

    @Inject
    Counts counts;

    @Override
    public String name() {
        return "referrals";
    }

    @Override
    public void add(Window w, Sheet out) {
        Map<String, long[]> byMonth = new HashMap<>();
        long up = 0;
        long down = 0;
        for (Object[] r : counts.rows(MONTHS, w)) {
            long[] n = {count(r[1]), count(r[2])};
            byMonth.put((String) r[0], n);
            up += n[0];
            down += n[1];
        }
        out.count("referrals.up", up);
        out.count("referrals.down", down);
        Object[] o = counts.one(OUTWARD, w);
        out.rate("referrals.outwardRate", count(o[1]), count(o[0]));
        Object[] i = counts.one(ITEMS, w);
        out.rate("referrals.recognitionRate", count(i[1]), count(i[0]));
        out.breakdown("referrals.perMonth", List.of("up", "down"), w.months().stream().map(m -> {
            long[] n = byMonth.getOrDefault(m, new long[2]);
            return new Breakdown.Row(m, List.of((double) n[0], (double) n[1]));
        }).toList());
    }
}
