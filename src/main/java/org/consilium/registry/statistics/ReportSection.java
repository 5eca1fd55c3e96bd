package org.consilium.registry.statistics;

import static org.consilium.registry.statistics.Counts.count;
import static org.consilium.registry.statistics.Counts.number;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/** New-tumor reports (新发肿瘤报告): how many, recorded on time, time to recording, by site and by how found. */
@ApplicationScoped
class ReportSection implements Section {

    private static final String WHERE = " from tumor_report t where t.hospital_id in (:hospitals)"
            + " and t.reported_at >= cast(:start as timestamptz) and t.reported_at < cast(:end as timestamptz)";
    private static final String SECONDS = "extract(epoch from (t.recorded_at - t.reported_at))";
    private static final String CLOCK = "select count(*), count(t.recorded_at),"
            + " count(*) filter (where t.recorded_at <= t.record_due_at),"
            + " percentile_cont(0.5) within group (order by " + SECONDS + "),"
            + " percentile_cont(0.9) within group (order by " + SECONDS + ")" + WHERE;
    private static final String BY_SITE = "select substr(t.icd10, 1, 3), count(*)" + WHERE + " group by 1 order by 2 desc, 1";
    private static final String BY_DETECTION = "select t.detection, count(*)" + WHERE + " group by 1 order by 2 desc, 1";

    @Inject
    Counts counts;

    @Override
    public String name() {
        return "reports";
    }

    @Override
    public void add(Window w, Sheet out) {
        Object[] c = counts.one(CLOCK, w);
        out.count("reports.total", count(c[0]));
        out.rate("reports.recordedOnTime", count(c[2]), count(c[1]));
        out.seconds("reports.timeToRecordMedian", number(c[3]));
        out.seconds("reports.timeToRecordP90", number(c[4]));
        out.breakdown("reports.bySite", List.of("reports"), rows(BY_SITE, w));
        out.breakdown("reports.byDetection", List.of("reports"), rows(BY_DETECTION, w));
    }

    private List<Breakdown.Row> rows(String sql, Window w) {
        return counts.rows(sql, w).stream()
                .map(r -> new Breakdown.Row((String) r[0], List.of((double) count(r[1])))).toList();
    }
}
