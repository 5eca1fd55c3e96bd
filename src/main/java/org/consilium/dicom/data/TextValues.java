package org.consilium.dicom.data;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.consilium.dicom.dict.Tag;
import org.consilium.dicom.dict.VR;

/** Splitting, trimming and the DA/TM/DT formats of PS3.5 6.2. */
final class TextValues {

    private TextValues() {}

    /** Splits at backslashes for multi-valued VRs and trims each value as its VR allows. */
    static String[] split(String s, VR vr) {
        if (!vr.isMultiValuedText()) {
            return s.isEmpty() ? new String[0] : new String[] {trim(s, vr)};
        }
        List<String> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= s.length(); i++) {
            if (i == s.length() || s.charAt(i) == '\\') {
                out.add(trim(s.substring(start, i), vr));
                start = i + 1;
            }
        }
        if (out.size() == 1 && out.get(0).isEmpty()) {
            return new String[0];
        }
        return out.toArray(new String[0]);
    }

    /** LT, ST, UT keep leading spaces (PS3.5 6.2); trailing NUL padding is tolerated everywhere. */
    static String trim(String s, VR vr) {
        int end = s.length();
        while (end > 0 && (s.charAt(end - 1) == ' ' || s.charAt(end - 1) == '\0')) {
            end--;
        }
        int start = 0;
        if (vr != VR.LT && vr != VR.ST && vr != VR.UT) {
            while (start < end && s.charAt(start) == ' ') {
                start++;
            }
        }
        return s.substring(start, end);
    }

    static LocalDate parseDate(String s) {
        String d = s.replace(".", "").replace("-", "");
        return LocalDate.of(Integer.parseInt(d.substring(0, 4)), Integer.parseInt(d.substring(4, 6)),
                Integer.parseInt(d.substring(6, 8)));
    }

    static LocalTime parseTime(String s) {
        String t = s.replace(":", "");
        int hour = Integer.parseInt(t.substring(0, 2));
        int minute = t.length() >= 4 ? Integer.parseInt(t.substring(2, 4)) : 0;
        int second = t.length() >= 6 ? Math.min(59, Integer.parseInt(t.substring(4, 6))) : 0; // 60: leap second
        int nanos = 0;
        if (t.length() > 7 && t.charAt(6) == '.') {
            String frac = (t.substring(7) + "000000000").substring(0, 9);
            nanos = Integer.parseInt(frac);
        }
        return LocalTime.of(hour, minute, second, nanos);
    }

    /** DT without its offset; missing components take their lowest value. */
    static LocalDateTime parseDateTime(String s) {
        String dt = stripOffset(s);
        int year = Integer.parseInt(dt.substring(0, 4));
        int month = dt.length() >= 6 ? Integer.parseInt(dt.substring(4, 6)) : 1;
        int day = dt.length() >= 8 ? Integer.parseInt(dt.substring(6, 8)) : 1;
        LocalTime time = dt.length() >= 10 ? parseTime(dt.substring(8)) : LocalTime.MIDNIGHT;
        return LocalDateTime.of(LocalDate.of(year, month, day), time);
    }

    static OffsetDateTime parseOffsetDateTime(String s, ZoneOffset defaultOffset) {
        int sign = Math.max(s.lastIndexOf('+'), s.lastIndexOf('-'));
        ZoneOffset offset = sign > 0 ? ZoneOffset.of(s.substring(sign, sign + 3) + ":" + s.substring(sign + 3, sign + 5))
                : defaultOffset;
        return parseDateTime(s).atOffset(offset);
    }

    private static String stripOffset(String s) {
        int sign = Math.max(s.lastIndexOf('+'), s.lastIndexOf('-'));
        return sign > 0 ? s.substring(0, sign) : s;
    }

    static String formatDate(LocalDate d) {
        return String.format("%04d%02d%02d", d.getYear(), d.getMonthValue(), d.getDayOfMonth());
    }

    static String formatTime(LocalTime t) {
        String s = String.format("%02d%02d%02d", t.getHour(), t.getMinute(), t.getSecond());
        return t.getNano() == 0 ? s : s + String.format(".%06d", t.getNano() / 1000);
    }

    static String formatDateTime(LocalDateTime dt) {
        return formatDate(dt.toLocalDate()) + formatTime(dt.toLocalTime());
    }

    static String[] formatInts(int[] values) {
        String[] text = new String[values.length];
        for (int k = 0; k < values.length; k++) {
            text[k] = Integer.toString(values[k]);
        }
        return text;
    }

    /** IS or DS values as ints (fractions truncated); an empty value is 0. */
    static int[] parseInts(int tag, String[] text) {
        int[] out = new int[text.length];
        for (int k = 0; k < text.length; k++) {
            out[k] = text[k].isEmpty() ? 0 : (int) parseNumber(tag, text[k]);
        }
        return out;
    }

    /** IS or DS values as doubles; an empty value is NaN. */
    static double[] parseDoubles(int tag, String[] text) {
        double[] out = new double[text.length];
        for (int k = 0; k < text.length; k++) {
            out[k] = text[k].isEmpty() ? Double.NaN : parseNumber(tag, text[k]);
        }
        return out;
    }

    private static final double[] POWERS_OF_TEN = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12,
        1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};

    /**
     * DS values straight from their ASCII bytes, with the same results as {@link #parseDoubles} on the split and
     * trimmed text: Contour Data holds tens of thousands of them. A plain decimal of at most 15 digits
     * ({@code -72.3456}) is its digits as a long divided by a power of ten, which is exactly what
     * {@link Double#parseDouble} answers (both operands are exact doubles, so the one division rounds
     * correctly); anything else (an exponent, more digits) goes through {@link Double#parseDouble}.
     */
    static double[] parseDecimals(int tag, byte[] b) {
        int end = b.length;
        while (end > 0 && (b[end - 1] == ' ' || b[end - 1] == 0)) {
            end--;
        }
        int values = 1;
        for (int i = 0; i < end; i++) {
            if (b[i] == '\\') {
                values++;
            }
        }
        if (values == 1 && end == 0) {
            return new double[0];
        }
        double[] out = new double[values];
        int start = 0;
        for (int k = 0; k < values; k++) {
            int stop = start;
            while (stop < end && b[stop] != '\\') {
                stop++;
            }
            out[k] = decimal(tag, b, start, stop);
            start = stop + 1;
        }
        return out;
    }

    private static double decimal(int tag, byte[] b, int from, int to) {
        while (from < to && b[from] == ' ') {
            from++;
        }
        while (to > from && (b[to - 1] == ' ' || b[to - 1] == 0)) {
            to--;
        }
        if (from == to) {
            return Double.NaN;
        }
        int i = from;
        boolean negative = b[i] == '-';
        if (negative || b[i] == '+') {
            i++;
        }
        long digits = 0;
        int count = 0, fraction = -1;
        for (; i < to; i++) {
            byte c = b[i];
            if (c >= '0' && c <= '9') {
                digits = digits * 10 + (c - '0');
                count++;
                if (fraction >= 0) {
                    fraction++;
                }
            } else if (c == '.' && fraction < 0) {
                fraction = 0;
            } else {
                break;
            }
        }
        if (i < to || count == 0 || count > 15) {
            return parseNumber(tag, new String(b, from, to - from, java.nio.charset.StandardCharsets.US_ASCII));
        }
        double v = fraction > 0 ? digits / POWERS_OF_TEN[fraction] : digits;
        return negative ? -v : v;
    }

    private static double parseNumber(int tag, String s) {
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw new NumberFormatException("not a number in " + Tag.toString(tag) + ": \"" + s + "\"");
        }
    }

    /** DS as PS3.5 allows: at most 16 characters. */
    static String formatDecimal(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        String s = Double.toString(v);
        if (s.length() <= 16) {
            return s;
        }
        for (int digits = 15; digits > 0; digits--) {
            s = String.format(java.util.Locale.ROOT, "%." + digits + "G", v).replaceAll("\\.?0+(E|$)", "$1").replace("E+", "E");
            if (s.length() <= 16) {
                return s;
            }
        }
        return s;
    }
}
