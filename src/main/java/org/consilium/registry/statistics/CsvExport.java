package org.consilium.registry.statistics;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The export as CSV (RFC 4180: CRLF, fields with a comma, quote or line break quoted), UTF-8 with a byte-order mark
 * so that Excel opens the Chinese text as UTF-8. Tables follow each other, each after its title line.
 */
final class CsvExport {

    private CsvExport() {
    }

    static byte[] write(List<ExportTable> tables) {
        StringBuilder out = new StringBuilder("\uFEFF");
        for (ExportTable t : tables) {
            line(out, List.of(t.title()));
            line(out, List.copyOf(t.header()));
            t.rows().forEach(r -> line(out, r));
            out.append("\r\n");
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void line(StringBuilder out, List<?> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(field(cells.get(i)));
        }
        out.append("\r\n");
    }

    private static String field(Object v) {
        if (v == null) {
            return "";
        }
        String s = v instanceof Double d && d == Math.rint(d) && !d.isInfinite() ? String.valueOf(d.longValue())
                : v.toString();
        return s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")
                ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}
