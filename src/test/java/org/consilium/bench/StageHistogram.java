package org.consilium.bench;

import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The live stage timers ({@code consilium_live_stage_seconds_bucket}, see LiveStages) read from a
 * Prometheus text scrape: cumulative counts per stage and bucket bound. Two scrapes give a window's
 * counts ({@link #minus}), several servers' windows add up ({@link #plus}), and percentiles are
 * interpolated linearly inside the bucket they fall in.
 */
public record StageHistogram(Map<String, NavigableMap<Double, Double>> stages) {

    private static final Pattern BUCKET = Pattern.compile(
            "^consilium_live_stage_seconds_bucket\\{([^}]*)}\\s+(\\S+)");
    private static final Pattern LABEL = Pattern.compile("(\\w+)=\"([^\"]*)\"");

    public static StageHistogram parse(String scrape) {
        Map<String, NavigableMap<Double, Double>> out = new TreeMap<>();
        for (String line : scrape.split("\n")) {
            Matcher m = BUCKET.matcher(line);
            if (!m.find()) {
                continue;
            }
            String stage = null;
            Double le = null;
            Matcher label = LABEL.matcher(m.group(1));
            while (label.find()) {
                switch (label.group(1)) {
                    case "stage" -> stage = label.group(2);
                    case "le" -> le = label.group(2).equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(label.group(2));
                    default -> { }
                }
            }
            if (stage != null && le != null) {
                out.computeIfAbsent(stage, s -> new TreeMap<>()).merge(le, Double.parseDouble(m.group(2)), Double::sum);
            }
        }
        return new StageHistogram(out);
    }

    public StageHistogram minus(StageHistogram earlier) {
        return combine(earlier, -1);
    }

    StageHistogram plus(StageHistogram other) {
        return combine(other, 1);
    }

    private StageHistogram combine(StageHistogram other, int sign) {
        Map<String, NavigableMap<Double, Double>> out = new TreeMap<>();
        stages.forEach((stage, buckets) -> out.put(stage, new TreeMap<>(buckets)));
        other.stages.forEach((stage, buckets) -> buckets.forEach((le, n) ->
                out.computeIfAbsent(stage, s -> new TreeMap<>()).merge(le, sign * n, Double::sum)));
        return new StageHistogram(out);
    }

    public long count(String stage) {
        NavigableMap<Double, Double> buckets = stages.get(stage);
        return buckets == null || buckets.isEmpty() ? 0 : Math.round(buckets.lastEntry().getValue());
    }

    /** The q-quantile of a stage in milliseconds; NaN without samples, the last finite bound if it lies beyond. */
    double millis(String stage, double q) {
        NavigableMap<Double, Double> buckets = stages.get(stage);
        long total = count(stage);
        if (total == 0) {
            return Double.NaN;
        }
        double rank = q * total;
        double lower = 0;
        double below = 0;
        for (Map.Entry<Double, Double> bucket : buckets.entrySet()) {
            double upper = bucket.getKey();
            double cumulative = bucket.getValue();
            if (cumulative >= rank) {
                if (Double.isInfinite(upper)) {
                    return lower * 1000;
                }
                double inside = cumulative - below;
                double fraction = inside == 0 ? 1 : (rank - below) / inside;
                return (lower + fraction * (upper - lower)) * 1000;
            }
            lower = upper;
            below = cumulative;
        }
        return lower * 1000;
    }
}
