package org.consilium.registry.teaching;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Removes identifiers from free text written about a patient (a rationale, a note) before it goes into a
 * teaching case: the patient's own name, IDs and record numbers wherever they appear, and anything shaped like
 * a Chinese ID card number, a mobile number or a calendar date (PS3.15 E.3.5 Clean Descriptors, applied to text).
 */
final class Redaction {

    static final String MARK = "[*]";
    private static final List<Pattern> SHAPES = List.of(
            Pattern.compile("\\b\\d{17}[\\dXx]\\b|\\b\\d{15}\\b"),          // resident ID card, 18 or 15 digits
            Pattern.compile("(?<!\\d)1[3-9]\\d{9}(?!\\d)"),                // mobile number
            Pattern.compile("\\b(19|20)\\d{2}[-/.年]\\d{1,2}[-/.月]\\d{1,2}日?"));  // dates

    private final List<String> words;

    /** @param identifiers the patient's names, IDs and record numbers (nulls and blanks are ignored) */
    Redaction(List<String> identifiers) {
        List<String> w = new ArrayList<>();
        for (String id : identifiers) {
            if (id == null || id.isBlank()) {
                continue;
            }
            w.add(id.strip());
            for (String group : id.split("=")) {    // DICOM PN: alphabetic=ideographic=phonetic, family^given^...
                String[] parts = group.strip().split("\\^");
                w.add(String.join("", parts));      // 张三
                w.add(String.join(" ", parts));     // ZHANG SAN
                for (String part : group.split("[\\^\\s]+")) {
                    w.add(part);
                }
            }
        }
        w.removeIf(x -> x.isBlank() || x.codePoints().count() < 2); // one character would blank every word
        w.sort(Comparator.comparingInt(String::length).reversed());
        this.words = List.copyOf(w);
    }

    String apply(String text) {
        if (text == null) {
            return null;
        }
        String out = text;
        for (String w : words) {
            out = Pattern.compile(Pattern.quote(w), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE).matcher(out)
                    .replaceAll(MARK);
        }
        for (Pattern p : SHAPES) {
            out = p.matcher(out).replaceAll(MARK);
        }
        return out;
    }
}
