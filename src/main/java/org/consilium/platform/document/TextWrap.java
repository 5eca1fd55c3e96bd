package org.consilium.platform.document;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * Greedy line breaking for mixed Chinese and Latin text. A line may break before or after any CJK character
 * and at spaces between Latin words; a Latin word longer than a line is cut. Closing punctuation never
 * starts a line and opening punctuation never ends one (the basic rule of GB/T 15834 and JIS X 4051's
 * kinsoku), so "，" hangs at the end of the line it follows.
 */
public final class TextWrap {

    private static final String NO_LINE_START = "，。、；：！？）》」』】〕〉’”…,.;:!?)]}%·";
    private static final String NO_LINE_END = "（《「『【〔〈‘“([{";

    private final ToDoubleFunction<String> width;

    /** @param width the printed width of a string, in the same unit as the line width */
    public TextWrap(ToDoubleFunction<String> width) {
        this.width = width;
    }

    /** Lines of at most {@code maxWidth}; newlines in the text start new lines, blank lines are kept. */
    public List<String> lines(String text, double maxWidth) {
        List<String> out = new ArrayList<>();
        for (String paragraph : text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1)) {
            wrapParagraph(paragraph.replace('\t', ' ').stripTrailing(), maxWidth, out);
        }
        return out;
    }

    private void wrapParagraph(String paragraph, double maxWidth, List<String> out) {
        if (paragraph.isEmpty()) {
            out.add("");
            return;
        }
        StringBuilder line = new StringBuilder();
        for (String token : tokens(paragraph)) {
            if (line.isEmpty() && token.isBlank()) {
                continue; // no leading spaces on a wrapped line
            }
            String candidate = line + token;
            if (width.applyAsDouble(candidate) <= maxWidth || hangs(token, line)) {
                line.append(token);
                continue;
            }
            if (!line.isEmpty()) {
                String carried = carryOpening(line);
                out.add(line.toString().stripTrailing());
                line.setLength(0);
                line.append(carried);
                if (token.isBlank()) {
                    continue;
                }
            }
            cutLongWord(token, maxWidth, line, out);
        }
        if (!line.isEmpty() || out.isEmpty()) {
            out.add(line.toString().stripTrailing());
        }
    }

    /** Closing punctuation stays on the line it closes, even past the margin. */
    private static boolean hangs(String token, StringBuilder line) {
        return !line.isEmpty() && token.length() == 1 && NO_LINE_START.indexOf(token.charAt(0)) >= 0;
    }

    /** Takes an opening bracket off the end of a full line so that it starts the next one. */
    private static String carryOpening(StringBuilder line) {
        int last = line.length() - 1;
        if (last > 0 && NO_LINE_END.indexOf(line.charAt(last)) >= 0) {
            String carried = line.substring(last);
            line.setLength(last);
            return carried;
        }
        return "";
    }

    /** Appends a token to the line, cutting it where it alone is wider than a line. */
    private void cutLongWord(String token, double maxWidth, StringBuilder line, List<String> out) {
        int i = 0;
        while (i < token.length()) {
            int cp = token.codePointAt(i);
            String ch = new String(Character.toChars(cp));
            if (!line.isEmpty() && width.applyAsDouble(line + ch) > maxWidth) {
                out.add(line.toString());
                line.setLength(0);
            }
            line.append(ch);
            i += Character.charCount(cp);
        }
    }

    /** Single CJK characters, runs of spaces, and runs of anything else (Latin words, numbers). */
    static List<String> tokens(String s) {
        List<String> tokens = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            int cp = s.codePointAt(i);
            int end = i + Character.charCount(cp);
            if (breaksAround(cp)) {
                tokens.add(s.substring(i, end));
                i = end;
                continue;
            }
            boolean space = cp == ' ';
            while (end < s.length()) {
                int next = s.codePointAt(end);
                if (breaksAround(next) || (next == ' ') != space) {
                    break;
                }
                end += Character.charCount(next);
            }
            tokens.add(s.substring(i, end));
            i = end;
        }
        return tokens;
    }

    /** CJK ideographs, kana, Hangul, fullwidth forms and CJK punctuation break on either side. */
    private static boolean breaksAround(int cp) {
        Character.UnicodeScript script = Character.UnicodeScript.of(cp);
        if (script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.HANGUL) {
            return true;
        }
        return (cp >= 0x3000 && cp <= 0x303F) || (cp >= 0xFF00 && cp <= 0xFFEF) || (cp >= 0x2018 && cp <= 0x201F)
                || cp == 0x2026 || cp == 0x00B7;
    }
}
