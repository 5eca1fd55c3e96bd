package org.consilium.registry.statistics;

import java.util.ArrayList;
import java.util.List;

/** The figures and breakdowns the sections add, each with its definition and its section (the key's prefix). */
final class Sheet {

    final List<Figure> figures = new ArrayList<>();
    final List<Breakdown> breakdowns = new ArrayList<>();

    void count(String key, long n) {
        figures.add(new Figure(key, section(key), Figure.Unit.COUNT, (double) n, n, null, Definitions.of(key)));
    }

    void rate(String key, long numerator, long denominator) {
        figures.add(new Figure(key, section(key), Figure.Unit.RATE,
                denominator == 0 ? null : (double) numerator / denominator, numerator, denominator, Definitions.of(key)));
    }

    void seconds(String key, Double seconds) {
        figures.add(new Figure(key, section(key), Figure.Unit.SECONDS, seconds, null, null, Definitions.of(key)));
    }

    void breakdown(String key, List<String> columns, List<Breakdown.Row> rows) {
        breakdowns.add(new Breakdown(key, section(key), Definitions.of(key), columns, rows));
    }

    private static String section(String key) {
        return key.substring(0, key.indexOf('.'));
    }
}
