package org.consilium.archive.store;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.consilium.archive.IngestException;
import org.consilium.dicom.data.Attributes;
import org.consilium.dicom.data.PersonName;
import org.consilium.dicom.dict.VR;

/**
 * The one place where values are taken from an instance into the index: each is validated and normalised
 * for matching, and whatever had to be changed is recorded as a {@link Coercion}. A value the index cannot
 * use never refuses the instance (the stored bytes stay exactly as sent, and metadata shows them whole);
 * only the four identifying UIDs are required.
 *
 * <ul>
 *   <li>DA to {@code yyyymmdd}; the ACR-NEMA {@code yyyy.mm.dd} (and {@code -} or {@code /}) forms are read,
 *       anything else that is no calendar date is indexed as absent.</li>
 *   <li>TM to {@code hhmmss.ffffff} at most; {@code hh:mm:ss} is read, a UTC offset or {@code Z} dropped,
 *       fractions beyond microseconds cut.</li>
 *   <li>Text to the width of its index column (a longer value is cut there only), without NUL, which
 *       PostgreSQL cannot hold.</li>
 *   <li>IS and binary integers that do not parse as a 32-bit integer are indexed as absent.</li>
 * </ul>
 */
public final class IndexValues {

    private static final Pattern DATE = Pattern.compile("(\\d{4})[.\\-/]?(\\d{2})[.\\-/]?(\\d{2})");
    private static final Pattern TIME = Pattern.compile(
            "(\\d{2})(?::?(\\d{2})(?::?(\\d{2})(?:[.,](\\d+))?)?)?\\s*(Z|[+-]\\d{2}:?\\d{2})?");
    private static final int MAX_UID = 64;

    private final Attributes ds;
    private final List<Coercion> coercions = new ArrayList<>();

    public IndexValues(Attributes ds) {
        this.ds = ds;
    }

    /** What had to be changed so far, one entry per attribute. */
    public List<Coercion> coercions() {
        return List.copyOf(coercions);
    }

    /** A UID the index cannot do without: refused with the attribute's name when missing or malformed. */
    public String requiredUid(int tag, String keyword) throws IngestException {
        String v = strip(ds.getString(tag));
        if (v == null || v.isBlank()) {
            throw new IngestException(IngestException.Reason.MISSING_ATTRIBUTE, keyword + " is missing").at(tag);
        }
        if (v.length() > MAX_UID || !digitsAndDots(v)) {
            throw new IngestException(IngestException.Reason.INVALID_ATTRIBUTE, keyword + " is not a valid UID: "
                    + (v.length() > 80 ? v.substring(0, 80) + "..." : v)).at(tag);
        }
        return v;
    }

    /** A DA value as {@code yyyymmdd}, or null when absent or no date. */
    public String date(int tag) {
        String sent = text(tag);
        if (sent == null) {
            return null;
        }
        String date = calendarDate(sent);
        if (date == null) {
            return coerced(tag, sent, null, "not a date");
        }
        return date.equals(sent) ? date : coerced(tag, sent, date, "date in a legacy form");
    }

    /**
     * A date as the index holds it, for matching a query's value against it: {@code 1997.04.24} matches
     * what was sent as {@code 19970424} and the reverse. Anything that is no date is returned unchanged.
     */
    public static String matchableDate(String value) {
        String date = calendarDate(value.strip());
        return date == null ? value : date;
    }

    private static String calendarDate(String value) {
        Matcher m = DATE.matcher(value);
        return m.matches() && isCalendarDate(m.group(1), m.group(2), m.group(3))
                ? m.group(1) + m.group(2) + m.group(3) : null;
    }

    /** A TM value as {@code hh[mm[ss[.ffffff]]]}, or null when absent or no time of day. */
    public String time(int tag) {
        String sent = text(tag);
        if (sent == null) {
            return null;
        }
        Matcher m = TIME.matcher(sent);
        if (!m.matches() || !inRange(m.group(1), 23) || !inRange(m.group(2), 59) || !inRange(m.group(3), 60)) {
            return coerced(tag, sent, null, "not a time");
        }
        StringBuilder t = new StringBuilder(13).append(m.group(1));
        if (m.group(2) != null) {
            t.append(m.group(2));
        }
        if (m.group(3) != null) {
            t.append(m.group(3));
        }
        if (m.group(4) != null) {
            t.append('.').append(m.group(4), 0, Math.min(6, m.group(4).length()));
        }
        String time = t.toString();
        return time.equals(sent) ? time : coerced(tag, sent, time, "time in a legacy form");
    }

    /** A text value cut to its index column's width, or null when absent. */
    public String text(int tag, int width) {
        return fit(tag, text(tag), width);
    }

    /** A value derived from {@code tag} (a name group, a search key) cut to its index column's width. */
    public String fit(int tag, String value, int width) {
        value = strip(value);
        if (value == null || value.codePointCount(0, value.length()) <= width) {
            return value;
        }
        String cut = value.substring(0, value.offsetByCodePoints(0, width));
        return coerced(tag, value, cut, "longer than the index's " + width + " characters, cut there");
    }

    /** An IS or binary integer, or null when absent or not a 32-bit integer. */
    public Integer integer(int tag) {
        VR vr = ds.vrOf(tag);
        if (vr == VR.UN) {
            return coerced(tag, "(a UN value)", null, "not an integer");
        }
        if (vr != null && vr.isBinary()) {
            int[] v = ds.getInts(tag);
            return v.length == 0 ? null : v[0];
        }
        String sent = text(tag);
        if (sent == null) {
            return null;
        }
        try { // PS3.5 6.2 IS: an optional sign and digits, within 32 bits
            return Integer.parseInt(sent.startsWith("+") ? sent.substring(1) : sent);
        } catch (NumberFormatException e) {
            return coerced(tag, sent, null, "not an integer");
        }
    }

    /** A person name, or null; its groups are fitted to their columns by the caller through {@link #fit}. */
    public PersonName personName(int tag) {
        try {
            return ds.getPersonName(tag);
        } catch (RuntimeException e) {
            return coerced(tag, text(tag), null, "not a person name");
        }
    }

    private String text(int tag) {
        String v = strip(ds.getString(tag));
        return v == null || v.isEmpty() ? null : v;
    }

    private <T> T coerced(int tag, String sent, T indexed, String why) {
        coercions.removeIf(c -> c.tag() == tag); // one warning per attribute: the last word on it
        coercions.add(new Coercion(tag, sent, indexed == null ? null : indexed.toString(), why));
        return indexed;
    }

    /** Without NUL (PostgreSQL text cannot hold it) and surrounding blanks. */
    private static String strip(String v) {
        return v == null ? null : v.replace("\u0000", "").strip();
    }

    private static boolean isCalendarDate(String y, String m, String d) {
        try {
            LocalDate.of(Integer.parseInt(y), Integer.parseInt(m), Integer.parseInt(d));
            return !y.equals("0000");
        } catch (DateTimeException e) {
            return false;
        }
    }

    private static boolean inRange(String digits, int max) {
        return digits == null || Integer.parseInt(digits) <= max;
    }

    private static boolean digitsAndDots(String v) {
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if ((c < '0' || c > '9') && c != '.') {
                return false;
            }
        }
        return true;
    }
}
