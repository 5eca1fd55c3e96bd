package org.consilium.registry.statistics;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The export as an Office Open XML workbook (ECMA-376 SpreadsheetML), one worksheet per table: the smallest
 * package Excel, LibreOffice and WPS open: content types, the package and workbook relationships, the workbook
 * and its sheets, text as inline strings and numbers as numbers. No styles part; none is required.
 */
final class XlsxExport {

    private static final String MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private static final String RELS = "http://schemas.openxmlformats.org/package/2006/relationships";
    private static final String DOC_RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private static final String HEAD = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";

    private XlsxExport() {
    }

    static byte[] write(List<ExportTable> tables) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            StringBuilder types = new StringBuilder(HEAD + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/"
                    + "content-types\"><Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package."
                    + "relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                    + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-"
                    + "officedocument.spreadsheetml.sheet.main+xml\"/>");
            StringBuilder sheets = new StringBuilder();
            StringBuilder links = new StringBuilder(HEAD + "<Relationships xmlns=\"" + RELS + "\">");
            for (int i = 1; i <= tables.size(); i++) {
                types.append("<Override PartName=\"/xl/worksheets/sheet").append(i).append(".xml\" ContentType=\""
                        + "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>");
                sheets.append("<sheet name=\"").append(escape(sheetName(tables.get(i - 1).name(), i)))
                        .append("\" sheetId=\"").append(i).append("\" r:id=\"rId").append(i).append("\"/>");
                links.append("<Relationship Id=\"rId").append(i).append("\" Type=\"").append(DOC_RELS)
                        .append("/worksheet\" Target=\"worksheets/sheet").append(i).append(".xml\"/>");
            }
            put(zip, "[Content_Types].xml", types.append("</Types>"));
            put(zip, "_rels/.rels", HEAD + "<Relationships xmlns=\"" + RELS + "\"><Relationship Id=\"rId1\" Type=\""
                    + DOC_RELS + "/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>");
            put(zip, "xl/workbook.xml", HEAD + "<workbook xmlns=\"" + MAIN + "\" xmlns:r=\"" + DOC_RELS + "\"><sheets>"
                    + sheets + "</sheets></workbook>");
            put(zip, "xl/_rels/workbook.xml.rels", links.append("</Relationships>"));
            for (int i = 1; i <= tables.size(); i++) {
                put(zip, "xl/worksheets/sheet" + i + ".xml", sheet(tables.get(i - 1)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static CharSequence sheet(ExportTable t) {
        StringBuilder out = new StringBuilder(HEAD + "<worksheet xmlns=\"" + MAIN + "\"><sheetData>");
        int row = 1;
        row(out, row++, List.of(t.title()));
        row(out, row++, List.copyOf(t.header()));
        for (List<Object> r : t.rows()) {
            row(out, row++, r);
        }
        return out.append("</sheetData></worksheet>");
    }

    private static void row(StringBuilder out, int r, List<?> cells) {
        out.append("<row r=\"").append(r).append("\">");
        for (int c = 0; c < cells.size(); c++) {
            Object v = cells.get(c);
            String ref = column(c) + r;
            if (v instanceof Number n && Double.isFinite(n.doubleValue())) {
                out.append("<c r=\"").append(ref).append("\"><v>").append(n).append("</v></c>");
            } else if (v != null) {
                out.append("<c r=\"").append(ref).append("\" t=\"inlineStr\"><is><t xml:space=\"preserve\">")
                        .append(escape(v.toString())).append("</t></is></c>");
            }
        }
        out.append("</row>");
    }

    /** A, B, …, Z, AA, AB, … */
    static String column(int index) {
        StringBuilder s = new StringBuilder();
        for (int n = index + 1; n > 0; n = (n - 1) / 26) {
            s.insert(0, (char) ('A' + (n - 1) % 26));
        }
        return s.toString();
    }

    /** Sheet names: at most 31 characters, none of []:*?/\ (ECMA-376 Part 1, 18.2.19), unique by their number. */
    private static String sheetName(String name, int index) {
        String clean = name.replaceAll("[\\[\\]:*?/\\\\]", "_");
        String suffix = " " + index;
        return clean.length() + suffix.length() > 31 ? clean.substring(0, 31 - suffix.length()) + suffix : clean;
    }

    private static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                default -> {
                    if (ch >= 0x20 || ch == '\t' || ch == '\n' || ch == '\r') { // XML 1.0 forbids other controls
                        out.append(ch);
                    }
                }
            }
        }
        return out.toString();
    }

    private static void put(ZipOutputStream zip, String name, CharSequence xml) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(xml.toString().getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }
}
