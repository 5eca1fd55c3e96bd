package org.consilium.platform.document;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDPageContentStream.AppendMode;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.state.RenderingMode;

/**
 * Flows text down A4 pages: headings, wrapped paragraphs and bordered tables, starting a new page where the
 * next line or table row does not fit, and numbering the pages at the end. One font (the CJK face, which
 * also has Latin glyphs); bold is the face filled and stroked, since CJK families rarely ship a bold in
 * TrueType outlines. Shared by the documents of every capability (consult opinions, radiotherapy review
 * summaries), so that they share the font handling of {@link CjkFont}.
 */
public final class PageWriter {

    public static final float BODY = 10.5f;
    public static final float MARGIN = 56f; // about 20 mm
    private static final float LEADING = 1.45f;
    private static final float CELL_PAD = 4f;

    private final PDDocument doc;
    private final PDType0Font font;
    private final CjkFont.Face face;
    private final TextWrap wrap;
    private final float contentWidth = PDRectangle.A4.getWidth() - 2 * MARGIN;
    private PDPageContentStream out;
    private float y;

    public PageWriter(PDDocument doc, PDType0Font font, CjkFont.Face face) {
        this.doc = doc;
        this.font = font;
        this.face = face;
        this.wrap = new TextWrap(s -> width(s, 1f));
    }

    public float contentWidth() {
        return contentWidth;
    }

    /** A line centred on the page. */
    public void centred(String text, float size, boolean bold) throws IOException {
        String t = printable(text);
        ensure(size * LEADING);
        y -= size * LEADING;
        show(t, MARGIN + (contentWidth - width(t, size)) / 2, y, size, bold);
    }

    public void heading(String text) throws IOException {
        space(BODY * 0.6f);
        ensure(BODY * 1.2f * LEADING + BODY * LEADING); // keep a heading with its first line
        paragraph(text, BODY * 1.2f, true, 0);
        space(BODY * 0.2f);
    }

    /** Wrapped text, indented by {@code indent} points. */
    public void paragraph(String text, float size, boolean bold, float indent) throws IOException {
        for (String line : wrap.lines(printable(text), (contentWidth - indent) / size)) {
            ensure(size * LEADING);
            y -= size * LEADING;
            show(line, MARGIN + indent, y, size, bold);
        }
    }

    /** "label：value" with the value's wrapped lines aligned after the label. */
    public void labelled(String label, String value) throws IOException {
        String l = printable(label) + "  ";
        float indent = width(l, BODY);
        List<String> lines = wrap.lines(printable(value == null || value.isBlank() ? "—" : value),
                (contentWidth - indent) / BODY);
        for (int i = 0; i < lines.size(); i++) {
            ensure(BODY * LEADING);
            y -= BODY * LEADING;
            if (i == 0) {
                show(l, MARGIN, y, BODY, true);
            }
            show(lines.get(i), MARGIN + indent, y, BODY, false);
        }
    }

    /**
     * A bordered table; {@code widths} are fractions of the content width, a row never splits across pages,
     * and cells in columns flagged {@code bold} (labels) are bold.
     */
    public void table(float[] widths, boolean[] bold, List<String[]> rows) throws IOException {
        for (String[] row : rows) {
            List<List<String>> cells = new ArrayList<>();
            int height = 1;
            for (int c = 0; c < widths.length; c++) {
                String text = c < row.length && row[c] != null ? printable(row[c]) : "";
                List<String> lines = wrap.lines(text, (widths[c] * contentWidth - 2 * CELL_PAD) / BODY);
                cells.add(lines);
                height = Math.max(height, lines.size());
            }
            float rowHeight = height * BODY * LEADING + CELL_PAD;
            ensure(rowHeight);
            float x = MARGIN;
            for (int c = 0; c < widths.length; c++) {
                float ly = y - CELL_PAD / 2;
                for (String line : cells.get(c)) {
                    ly -= BODY * LEADING;
                    show(line, x + CELL_PAD, ly + BODY * 0.3f, BODY, bold[c]);
                }
                x += widths[c] * contentWidth;
            }
            x = MARGIN; // borders after the text: a path may not be open across a text object (PDF 32000 8.2)
            for (float w : widths) {
                out.addRect(x, y - rowHeight, w * contentWidth, rowHeight);
                x += w * contentWidth;
            }
            out.setLineWidth(0.5f);
            out.stroke();
            y -= rowHeight;
        }
    }

    /** Draws a figure (a chart) on the page. */
    public interface Figure {
        /**
         * @param out   the page's content stream (close any path it opens)
         * @param left  left edge of the block, points from the page's left
         * @param top   top edge of the block, points from the page's bottom
         * @param width width of the block (the content width)
         * @param labels this writer, for {@link #text} on the figure
         */
        void draw(PDPageContentStream out, float left, float top, float width, PageWriter labels) throws IOException;
    }

    /** A block of {@code height} points drawn by {@code figure}, on a new page when it does not fit. */
    public void figure(float height, Figure figure) throws IOException {
        ensure(height);
        figure.draw(out, MARGIN, y, contentWidth, this);
        y -= height;
    }

    /** Text at a position on the current page (labels of a figure). */
    public void text(String text, float x, float baseline, float size) throws IOException {
        show(printable(text), x, baseline, size, false);
    }

    /** The printed width of a text at a size, in points. */
    public float textWidth(String text, float size) {
        return width(printable(text), size);
    }

    /** Starts a new page unless {@code lines} lines of body text still fit, to keep a block together. */
    public void keep(int lines) throws IOException {
        ensure(lines * (BODY * LEADING + CELL_PAD));
    }

    public void space(float points) {
        y -= points;
    }

    /** Closes the last page and writes the footer on every page, e.g. "第 1 页 / 共 3 页". */
    public void finish(String footerLeft, BiFunction<Integer, Integer, String> pageLabel) throws IOException {
        if (out != null) {
            out.close();
            out = null;
        }
        int total = doc.getNumberOfPages();
        String left = printable(footerLeft);
        for (int i = 0; i < total; i++) {
            PDPage page = doc.getPage(i);
            try (PDPageContentStream footer = new PDPageContentStream(doc, page, AppendMode.APPEND, true, true)) {
                out = footer;
                float size = BODY * 0.8f;
                String label = printable(pageLabel.apply(i + 1, total));
                show(left, MARGIN, MARGIN / 2, size, false);
                show(label, MARGIN + contentWidth - width(label, size), MARGIN / 2, size, false);
            }
        }
        out = null;
    }

    /** Starts a new page when less than {@code height} is left above the bottom margin. */
    private void ensure(float height) throws IOException {
        if (out != null && y - height >= MARGIN) {
            return;
        }
        if (out != null) {
            out.close();
        }
        PDPage page = new PDPage(PDRectangle.A4);
        doc.addPage(page);
        out = new PDPageContentStream(doc, page);
        y = PDRectangle.A4.getHeight() - MARGIN;
    }

    private void show(String text, float x, float baseline, float size, boolean bold) throws IOException {
        if (text.isEmpty()) {
            return;
        }
        out.beginText();
        out.setFont(font, size);
        if (bold) {
            out.setRenderingMode(RenderingMode.FILL_STROKE);
            out.setLineWidth(size * 0.04f);
        } else {
            out.setRenderingMode(RenderingMode.FILL);
        }
        out.newLineAtOffset(x, baseline);
        out.showText(text);
        out.endText();
    }

    private float width(String text, float size) {
        try {
            return font.getStringWidth(text) / 1000f * size;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Text the face can draw: controls except newline become spaces, missing glyphs become '?'. */
    private String printable(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            if (cp == '\n') {
                b.append('\n');
            } else if (Character.isISOControl(cp) || Character.isWhitespace(cp)) {
                b.append(' ');
            } else {
                b.appendCodePoint(face.canDisplay(cp) ? cp : '?');
            }
        });
        return b.toString();
    }
}
