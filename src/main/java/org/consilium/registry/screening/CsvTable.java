package org.consilium.registry.screening;

import java.util.ArrayList;
import java.util.List;

/**
 * A CSV file as the counties keep it (RFC 4180: commas, double quotes doubling a quote, CRLF or LF; a UTF-8 byte
 * order mark from Excel ignored): its header row and the data rows, each with its line number for messages.
 */
record CsvTable(List<String> header, List<Row> rows) {

    record Row(int line, List<String> cells) {
    }

    static CsvTable parse(String text) {
        String s = text.startsWith("\uFEFF") ? text.substring(1) : text;
        List<Row> rows = new ArrayList<>();
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        int line = 1;
        int rowLine = 1;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < s.length() && s.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    cell.append(c);
                }
            } else if (c == '"' && cell.isEmpty()) {
                quoted = true;
            } else if (c == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < s.length() && s.charAt(i + 1) == '\n') {
                    i++;
                }
                cells.add(cell.toString());
                cell.setLength(0);
                addRow(rows, rowLine, cells);
                cells = new ArrayList<>();
                line++;
                rowLine = line;
            } else {
                cell.append(c);
            }
        }
        if (!cell.isEmpty() || !cells.isEmpty()) {
            cells.add(cell.toString());
            addRow(rows, rowLine, cells);
        }
        if (rows.isEmpty()) {
            return new CsvTable(List.of(), List.of());
        }
        return new CsvTable(rows.get(0).cells().stream().map(String::strip).toList(), rows.subList(1, rows.size()));
    }

    private static void addRow(List<Row> rows, int line, List<String> cells) {
        if (cells.stream().anyMatch(x -> !x.isBlank())) {
            rows.add(new Row(line, cells));
        }
    }
}
