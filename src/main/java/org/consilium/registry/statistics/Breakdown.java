package org.consilium.registry.statistics;

import java.util.List;

/**
 * A figure broken down by month, site, step or ROI: one row per label with a value per column (a count, seconds
 * or a ratio, as the column's name says). What the dashboard draws as a chart.
 */
public record Breakdown(String key, String section, Definition definition, List<String> columns, List<Row> rows) {

    public record Row(String label, List<Double> values) {
    }
}
