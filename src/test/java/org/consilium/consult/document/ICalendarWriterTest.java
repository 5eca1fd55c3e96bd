package org.consilium.consult.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.Temporal;
import java.util.List;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.DateProperty;

import org.consilium.consult.document.CalendarEvent.Attendee;
import org.consilium.consult.document.CalendarEvent.PartStat;
import org.consilium.consult.document.CalendarEvent.Person;
import org.consilium.consult.document.CalendarEvent.Role;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ICalendarWriterTest {

    static final Instant START = Instant.parse("2026-11-25T06:00:00Z"); // 14:00 in Shanghai
    static final Instant STAMP = Instant.parse("2026-11-22T21:00:00Z");
    static final String DESCRIPTION = "议程：\n1. 张秀英，右肺上叶腺癌 cT2aN2M0，IIIA 期；是否手术?\n"
            + "2. 王建国, 食管鳞癌; 放疗靶区 \\ 剂量讨论";

    @BeforeAll
    static void offline() {
        System.setProperty("net.fortuna.ical4j.timezone.update.enabled", "false");
    }

    static CalendarEvent meeting(int sequence, CalendarEvent.Status status) {
        return new CalendarEvent("0193a1b2-7c3d-7e4f-8a5b-6c7d8e9f0a1b@consilium", sequence, START,
                START.plusSeconds(90 * 60), "省肿瘤医院 胸部肿瘤 MDT（第 47 期）", DESCRIPTION,
                "门诊楼 5 楼 MDT 会议室; 线上: 腾讯会议 123-456-789",
                URI.create("https://consilium.example.cn/meetings/0193a1b2-7c3d-7e4f-8a5b-6c7d8e9f0a1b"),
                Person.withEmail("王芳", "cm.wang@prov.example.cn"),
                List.of(new Attendee(Person.withEmail("李明", "dr.li@prov.example.cn"), Role.CHAIR, PartStat.ACCEPTED),
                        new Attendee(Person.withEmail("赵强, 主任医师", "dr.zhao@prov.example.cn"),
                                Role.REQ_PARTICIPANT, PartStat.NEEDS_ACTION),
                        new Attendee(Person.withEmail("钱进", "cx.doctor@changxing.example.cn"),
                                Role.OPT_PARTICIPANT, PartStat.DECLINED)),
                status);
    }

    @Test
    void ical4jParsesAndValidatesAMeetingInShanghaiTime() throws Exception {
        String ics = new ICalendarWriter(ZoneId.of("Asia/Shanghai"))
                .write("MDT 2026-11-25", List.of(meeting(2, CalendarEvent.Status.CONFIRMED)), STAMP);
        Calendar cal = new CalendarBuilder().build(new StringReader(ics));
        assertFalse(cal.validate().hasErrors(), cal.validate().toString());
        VEvent e = events(cal).get(0);
        assertEquals("省肿瘤医院 胸部肿瘤 MDT（第 47 期）", value(e, Property.SUMMARY));
        assertEquals(DESCRIPTION, value(e, Property.DESCRIPTION), "escaped text round-trips");
        assertEquals("门诊楼 5 楼 MDT 会议室; 线上: 腾讯会议 123-456-789", value(e, Property.LOCATION));
        assertEquals(START, instant(e, Property.DTSTART));
        assertEquals(START.plusSeconds(5400), instant(e, Property.DTEND));
        assertTrue(ics.contains("DTSTART;TZID=Asia/Shanghai:20261125T140000\r\n"), ics);
        assertTrue(ics.contains("BEGIN:VTIMEZONE\r\nTZID:Asia/Shanghai\r\n"), ics);
        assertEquals("2", value(e, Property.SEQUENCE));
        assertEquals("CONFIRMED", value(e, Property.STATUS));
        assertEquals("mailto:cm.wang@prov.example.cn", value(e, Property.ORGANIZER));
        List<Property> attendees = e.getProperties(Property.ATTENDEE);
        assertEquals(3, attendees.size());
        assertEquals("赵强, 主任医师", attendees.get(1).getParameter("CN").orElseThrow().getValue());
        assertEquals("NEEDS-ACTION", attendees.get(1).getParameter("PARTSTAT").orElseThrow().getValue());
        assertEquals("CHAIR", attendees.get(0).getParameter("ROLE").orElseThrow().getValue());
        assertEquals("DECLINED", attendees.get(2).getParameter("PARTSTAT").orElseThrow().getValue());
    }

    @Test
    void utcExportWithSeveralEventsParses() throws Exception {
        CalendarEvent second = new CalendarEvent("adhoc-42@consilium", 0, START.plusSeconds(86400),
                START.plusSeconds(86400 + 1800), "临时会诊", null, null, null, null, List.of(),
                CalendarEvent.Status.CANCELLED);
        String ics = new ICalendarWriter().write("我的会诊", List.of(meeting(0, CalendarEvent.Status.TENTATIVE), second),
                STAMP);
        Calendar cal = new CalendarBuilder().build(new StringReader(ics));
        assertFalse(cal.validate().hasErrors(), cal.validate().toString());
        assertEquals(2, events(cal).size());
        assertEquals(START.plusSeconds(86400), instant(events(cal).get(1), Property.DTSTART));
        assertTrue(ics.contains("DTSTART:20261125T060000Z\r\n"), ics);
        assertTrue(ics.contains("DTSTAMP:20261122T210000Z\r\n"), ics);
        assertFalse(ics.contains("VTIMEZONE"));
        assertEquals("CANCELLED", value(events(cal).get(1), Property.STATUS));
    }

    @Test
    void linesAreCrlfFoldedAt75OctetsWithoutSplittingCharacters() throws Exception {
        String longChinese = "会诊意见：".repeat(40);
        CalendarEvent e = new CalendarEvent("fold@consilium", 0, START, START.plusSeconds(60), longChinese,
                "a".repeat(200) + "é😀" + "中".repeat(30), null, null, null, List.of(), null);
        byte[] bytes = new ICalendarWriter().writeBytes(null, List.of(e), STAMP);
        String ics = new String(bytes, StandardCharsets.UTF_8);
        assertTrue(ics.endsWith("\r\n"));
        assertFalse(ics.replace("\r\n", "").contains("\n") || ics.replace("\r\n", "").contains("\r"),
                "every line ends in CRLF");
        int folded = 0;
        for (String physical : ics.split("\r\n")) {
            assertTrue(physical.getBytes(StandardCharsets.UTF_8).length <= 75, "over 75 octets: " + physical);
            assertFalse(physical.contains("\uFFFD"), "a character was split: " + physical);
            folded += physical.startsWith(" ") ? 1 : 0;
        }
        assertTrue(folded >= 10, "long values were folded: " + folded);
        VEvent parsed = events(new CalendarBuilder().build(new StringReader(ics))).get(0);
        assertEquals(longChinese, value(parsed, Property.SUMMARY));
        assertEquals("a".repeat(200) + "é😀" + "中".repeat(30), value(parsed, Property.DESCRIPTION));
    }

    @Test
    void escapesTextButNotUris() {
        assertEquals("a\\\\b\\;c\\,d\\ne\\nf", ICalendarWriter.text("a\\b;c,d\r\ne\nf"));
        String ics = new ICalendarWriter().write(null, List.of(meeting(0, null)), STAMP);
        assertTrue(ics.contains("URL:https://consilium.example.cn/meetings/"), ics);
        assertTrue(ics.replace("\r\n ", "")
                .contains("ATTENDEE;CN=\"赵强, 主任医师\";ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE:"), ics);
    }

    @Test
    void refusesZonesWithDaylightSavingAndEventsThatEndBeforeTheyStart() {
        assertThrows(IllegalArgumentException.class, () -> new ICalendarWriter(ZoneId.of("Europe/Berlin")));
        Instant summer1990 = Instant.parse("1990-07-01T06:00:00Z"); // China kept daylight saving until 1991
        CalendarEvent old = new CalendarEvent("old@consilium", 0, summer1990, summer1990.plusSeconds(60), "x", null,
                null, null, null, List.of(), null);
        assertThrows(IllegalArgumentException.class,
                () -> new ICalendarWriter(ZoneId.of("Asia/Shanghai")).write(null, List.of(old), STAMP));
        assertThrows(IllegalArgumentException.class, () -> new CalendarEvent("x", 0, START, START.minusSeconds(1),
                "x", null, null, null, null, List.of(), null));
    }

    private static List<VEvent> events(Calendar cal) {
        return cal.getComponents().stream().filter(VEvent.class::isInstance).map(VEvent.class::cast).toList();
    }

    private static String value(VEvent e, String name) {
        return e.getProperty(name).orElseThrow(() -> new AssertionError("no " + name)).getValue();
    }

    @SuppressWarnings("unchecked")
    private static Instant instant(VEvent e, String name) {
        DateProperty<Temporal> p = (DateProperty<Temporal>) e.getProperty(name).orElseThrow();
        return Instant.from(p.getDate());
    }
}
