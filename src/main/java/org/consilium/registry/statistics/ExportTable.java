package org.consilium.registry.statistics;

import java.util.ArrayList;
import java.util.List;

/**
 * One table of an export: a title line (the figure's title and definition), a header and rows of strings and
 * numbers. The dashboard becomes the figures table, then one table per breakdown, in the language asked for.
 */
record ExportTable(String name, String title, List<String> header, List<List<Object>> rows) {

    static List<ExportTable> of(Dashboard d, boolean zh) {
        List<ExportTable> out = new ArrayList<>();
        List<List<Object>> figures = new ArrayList<>();
        for (Figure f : d.figures()) {
            Definition.Wording w = zh ? f.definition().zh() : f.definition().en();
            figures.add(row(f.key(), w.title(), f.value(), f.unit().name().toLowerCase(), f.numerator(), f.denominator(),
                    w.numerator(), w.denominator(), w.dateField()));
        }
        String range = d.from() + " – " + d.to();
        out.add(new ExportTable("figures", (zh ? "统计指标 " : "Figures ") + range, zh
                ? List.of("键", "指标", "值", "单位", "分子", "分母", "分子定义", "分母定义", "日期字段")
                : List.of("key", "figure", "value", "unit", "numerator", "denominator", "numerator definition",
                        "denominator definition", "date field"), figures));
        for (Breakdown b : d.breakdowns()) {
            Definition.Wording w = zh ? b.definition().zh() : b.definition().en();
            List<String> header = new ArrayList<>();
            header.add(zh ? "项目" : "label");
            header.addAll(b.columns());
            List<List<Object>> rows = new ArrayList<>();
            for (Breakdown.Row r : b.rows()) {
                List<Object> row = new ArrayList<>();
                row.add(r.label());
                row.addAll(r.values());
                rows.add(row);
            }
            out.add(new ExportTable(b.key(), w.title() + ": " + w.numerator() + " (" + w.dateField() + ", " + range + ")",
                    header, rows));
        }
        return out;
    }

    private static List<Object> row(Object... cells) {
        List<Object> out = new ArrayList<>();
        for (Object c : cells) {
            out.add(c);
        }
        return out;
    }
}
