package org.consilium.dicom.json;

/** Between DICOM's decimal strings (IS, DS: PS3.5 6.2) and JSON number syntax (RFC 8259 6). */
final class JsonNumbers {

    private JsonNumbers() {}

    /**
     * The value as a JSON number with the same digits, or null when it is no number. DICOM allows a leading
     * '+', leading zeros, and a bare '.' at either end ({@code +.5}, {@code 1.}, {@code 007}); JSON does not.
     */
    static String normalize(String value) {
        String s = value.trim();
        if (s.isEmpty()) {
            return null;
        }
        StringBuilder b = new StringBuilder(s.length() + 2);
        int i = 0;
        if (s.charAt(0) == '+' || s.charAt(0) == '-') {
            if (s.charAt(0) == '-') {
                b.append('-');
            }
            i++;
        }
        int intStart = i;
        while (i < s.length() && isDigit(s.charAt(i))) {
            i++;
        }
        int significant = intStart;
        while (significant < i - 1 && s.charAt(significant) == '0') {
            significant++; // drop leading zeros, keeping the last digit
        }
        String intPart = s.substring(significant, i);
        String frac = "";
        if (i < s.length() && s.charAt(i) == '.') {
            int fracStart = ++i;
            while (i < s.length() && isDigit(s.charAt(i))) {
                i++;
            }
            frac = s.substring(fracStart, i);
        }
        if (intPart.isEmpty() && frac.isEmpty()) {
            return null;
        }
        b.append(intPart.isEmpty() ? "0" : intPart);
        if (!frac.isEmpty()) {
            b.append('.').append(frac);
        }
        if (i < s.length() && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            b.append(s.charAt(i++));
            if (i < s.length() && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
                b.append(s.charAt(i++));
            }
            int expStart = i;
            while (i < s.length() && isDigit(s.charAt(i))) {
                i++;
            }
            if (i == expStart) {
                return null;
            }
            b.append(s, expStart, i);
        }
        return i == s.length() ? b.toString() : null;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
