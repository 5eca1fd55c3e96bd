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
    private static final String PERCENTILES = "(percentile_cont(array[0.5, 0.9]) within group (order by"
            + " extract(epoch from (t.recorded_at - t.reported_at))))";
    /** Counts and the median and 90th percentile of the time to recording, with one sort for both. */
    private static final String CLOCK = "select count(*), count(t.recorded_at),"
            + " count(*) filter (where t.recorded_at <= t.record_due_at), " + PERCENTILES + "[1], " + PERCENTILES
            + "[2]" + WHERE;
    /** Reports by site and by how found, in one pass: rows (site, null, n) and (null, detection, n). */
    private static final String BREAKDOWNS = "select substr(t.icd10, 1, 3), t.detection, count(*)" + WHERE
            + " group by grouping sets ((1), (2)) order by 3 desc, 1, 2";

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
        List<Object[]> rows = counts.rows(BREAKDOWNS, w);
        out.breakdown("reports.bySite", List.of("reports"), rows(rows, 0));
        out.breakdown("reports.byDetection", List.of("reports"), rows(rows, 1));
    }

    /** The rows of one grouping set, most reports first (then by label, as the query orders them). */
    private static List<Breakdown.Row> rows(List<Object[]> rows, int label) {
        return rows.stream().filter(r -> r[label] != null)
                .map(r -> new Breakdown.Row((String) r[label], List.of((double) count(r[2])))).toList();
    }
}
