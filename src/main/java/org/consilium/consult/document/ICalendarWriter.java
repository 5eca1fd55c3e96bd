package org.consilium.consult.document;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.zone.ZoneRules;
import java.util.List;

/**
 * Writes iCalendar (RFC 5545) text: one VCALENDAR with VEVENTs, for export per meeting or per user. Times
 * are in UTC ({@code 20261125T060000Z}), or local with a TZID and a VTIMEZONE when a zone is given; text
 * values are escaped (3.3.11), lines end in CRLF and are folded at 75 octets without splitting a UTF-8
 * character (3.1). No METHOD is written: the output is a plain calendar to import or subscribe to, not an
 * iTIP message (RFC 5546 PUBLISH forbids ATTENDEE, which we want to show).
 *
 * <pre>{@code
 * String ics = new ICalendarWriter(ZoneId.of("Asia/Shanghai")).write("MDT 2026-11-25", events, Instant.now());
 * // serve as text/calendar; charset=utf-8
 * }</pre>
 */
public final class ICalendarWriter {

    public static final String MEDIA_TYPE = "text/calendar; charset=utf-8";
    static final String PRODID = "-//Consilium//MDT Consult Board//ZH";

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");
    private static final int MAX_OCTETS = 75;

    private final ZoneId zone;

    /** Times in UTC. */
    public ICalendarWriter() {
        this(null);
    }

    /**
     * Times in {@code zone} with a VTIMEZONE, or in UTC when null. Only zones without daylight saving today
     * (Asia/Shanghai: UTC+8 all year since 1991) are supported, since their VTIMEZONE is one observance;
     * events before the zone's last change are refused.
     */
    public ICalendarWriter(ZoneId zone) {
        if (zone != null && !fixedOffset(zone.getRules())) {
            throw new IllegalArgumentException(zone + " changes offset; use UTC");
        }
        this.zone = zone;
    }

    /**
     * @param name  the calendar's display name (X-WR-CALNAME), or null
     * @param stamp DTSTAMP of every event: when this export was made
     */
    public String write(String name, List<CalendarEvent> events, Instant stamp) {
        StringBuilder out = new StringBuilder(1024 + 512 * events.size());
        line(out, "BEGIN:VCALENDAR");
        line(out, "VERSION:2.0");
        line(out, "PRODID:" + PRODID);
        line(out, "CALSCALE:GREGORIAN");
        if (name != null && !name.isBlank()) {
            line(out, "X-WR-CALNAME:" + text(name));
        }
        if (zone != null) {
            timezone(out);
        }
        for (CalendarEvent e : events) {
            requireCurrentOffset(e);
            event(out, e, stamp);
        }
        line(out, "END:VCALENDAR");
        return out.toString();
    }

    public byte[] writeBytes(String name, List<CalendarEvent> events, Instant stamp) {
        return write(name, events, stamp).getBytes(StandardCharsets.UTF_8);
    }

    private void event(StringBuilder out, CalendarEvent e, Instant stamp) {
        line(out, "BEGIN:VEVENT");
        line(out, "UID:" + text(e.uid()));
        line(out, "DTSTAMP:" + UTC.format(stamp));
        line(out, "DTSTART" + time(e.start()));
        line(out, "DTEND" + time(e.end()));
        line(out, "SEQUENCE:" + e.sequence());
        if (e.status() != null) {
            line(out, "STATUS:" + e.status().name());
        }
        optional(out, "SUMMARY", e.summary());
        optional(out, "DESCRIPTION", e.description());
        optional(out, "LOCATION", e.location());
        if (e.url() != null) {
            line(out, "URL:" + e.url().toASCIIString());
        }
        if (e.organizer() != null) {
            line(out, "ORGANIZER" + cn(e.organizer()) + ":" + e.organizer().address().toASCIIString());
        }
        for (CalendarEvent.Attendee a : e.attendees()) {
            StringBuilder p = new StringBuilder("ATTENDEE").append(cn(a.person()));
            if (a.role() != null) {
                p.append(";ROLE=").append(a.role().value());
            }
            if (a.partStat() != null) {
                p.append(";PARTSTAT=").append(a.partStat().value());
                if (a.partStat() == CalendarEvent.PartStat.NEEDS_ACTION) {
                    p.append(";RSVP=TRUE");
                }
            }
            line(out, p.append(':').append(a.person().address().toASCIIString()).toString());
        }
        line(out, "END:VEVENT");
    }

    private void requireCurrentOffset(CalendarEvent e) {
        if (zone != null && zone.getRules().nextTransition(e.start()) != null) {
            throw new IllegalArgumentException("event " + e.uid() + " is before " + zone + " last changed offset");
        }
    }

    /** ":20261125T060000Z" in UTC, or ";TZID=Asia/Shanghai:20261125T140000". */
    private String time(Instant t) {
        return zone == null ? ":" + UTC.format(t) : ";TZID=" + zone.getId() + ":" + LOCAL.format(t.atZone(zone));
    }

    /**
     * A VTIMEZONE of one STANDARD observance with the zone's current offset from 1970 on, as Google Calendar
     * writes Asia/Shanghai. Events before the zone's last change (1991 for Shanghai) are refused, so the
     * offset is right for every event written. (ical4j 4.0.7 reads a single observance that changes offset
     * with the old offset, so the history is not spelled out.)
     */
    private void timezone(StringBuilder out) {
        String offset = offset(zone.getRules().getOffset(Instant.now()));
        line(out, "BEGIN:VTIMEZONE");
        line(out, "TZID:" + zone.getId());
        line(out, "BEGIN:STANDARD");
        line(out, "DTSTART:19700101T000000");
        line(out, "TZOFFSETFROM:" + offset);
        line(out, "TZOFFSETTO:" + offset);
        line(out, "TZNAME:" + (zone.getId().equals("Asia/Shanghai") ? "CST" : offset));
        line(out, "END:STANDARD");
        line(out, "END:VTIMEZONE");
    }

    /** No daylight-saving rule today: the offset is the same for every event we write. */
    private static boolean fixedOffset(ZoneRules rules) {
        return rules.getTransitionRules().isEmpty() && rules.nextTransition(Instant.now()) == null;
    }

    private static String offset(ZoneOffset offset) {
        int s = offset.getTotalSeconds();
        int abs = Math.abs(s);
        return String.format("%s%02d%02d", s < 0 ? "-" : "+", abs / 3600, abs / 60 % 60);
    }

    private static void optional(StringBuilder out, String name, String value) {
        if (value != null && !value.isEmpty()) {
            line(out, name + ":" + text(value));
        }
    }

    /** ";CN=..." quoted when it holds ':' ';' or ','; DQUOTE cannot appear in a parameter value (3.2). */
    private static String cn(CalendarEvent.Person p) {
        if (p.name() == null || p.name().isBlank()) {
            return "";
        }
        String v = p.name().replace('"', '\'').replaceAll("[\\r\\n]+", " ");
        boolean quote = v.indexOf(':') >= 0 || v.indexOf(';') >= 0 || v.indexOf(',') >= 0;
        return ";CN=" + (quote ? '"' + v + '"' : v);
    }

    /** TEXT escaping (RFC 5545 3.3.11): backslash, semicolon, comma, and line breaks as \n. */
    static String text(String value) {
        StringBuilder b = new StringBuilder(value.length() + 8);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> b.append("\\\\");
                case ';' -> b.append("\\;");
                case ',' -> b.append("\\,");
                case '\n' -> b.append("\\n");
                case '\r' -> {
                    if (i + 1 >= value.length() || value.charAt(i + 1) != '\n') {
                        b.append("\\n");
                    }
                }
                default -> b.append(c < 0x20 && c != '\t' ? ' ' : c); // 3.3.11: no other controls
            }
        }
        return b.toString();
    }

    /**
     * Appends a content line folded to at most 75 octets per physical line (the leading space of a
     * continuation counts), never inside a UTF-8 sequence or a surrogate pair (RFC 5545 3.1).
     */
    static void line(StringBuilder out, String content) {
        int octets = 0;
        int i = 0;
        while (i < content.length()) {
            int cp = content.codePointAt(i);
            int size = utf8Length(cp);
            if (octets + size > MAX_OCTETS) {
                out.append("\r\n ");
                octets = 1;
            }
            out.appendCodePoint(cp);
            octets += size;
            i += Character.charCount(cp);
        }
        out.append("\r\n");
    }

    private static int utf8Length(int cp) {
        return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    }
}
