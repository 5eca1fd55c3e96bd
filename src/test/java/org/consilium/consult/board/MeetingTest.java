package org.consilium.consult.board;

import static org.consilium.consult.board.Board.CHANGXING;
import static org.consilium.consult.board.Board.FUMIN;
import static org.consilium.consult.board.Board.as;
import static org.consilium.consult.board.Board.consultState;
import static org.consilium.consult.board.Board.id;
import static org.consilium.consult.board.Board.meeting;
import static org.consilium.consult.board.Board.schedule;
import static org.consilium.consult.board.Board.triagedConsult;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.StringReader;
import java.time.Instant;
import java.time.temporal.Temporal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.DateProperty;
import org.consilium.live.RoomKind;
import org.consilium.live.Rooms;
import org.consilium.localstack.ConsiliumTestResource;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(ConsiliumTestResource.class)
class MeetingTest {

    @Inject
    AgroalDataSource db;
    @Inject
    Rooms rooms;

    @Test
    void caseManagerSchedulesABoardAndInviteesBecomeParticipantsOfItsConsults() {
        UUID first = triagedConsult(db, CHANGXING, "cx.doctor", "王建国", null);
        UUID second = triagedConsult(db, FUMIN, "fm.doctor", "李秀英", null);
        as("dr.zhao").get("/api/consults/{id}", first).then().statusCode(404);

        String meeting = as("cm.wang").body(meeting("BOARD", "dr.li", List.of(first, second), "dr.zhao", "cx.doctor"))
                .post("/api/meetings").then().statusCode(201)
                .header("Location", containsString("/api/meetings/"))
                .body("state", equalTo("PLANNED")).body("chair.username", equalTo("dr.li"))
                .body("agenda.consultId", contains(first.toString(), second.toString()))
                .body("agenda.position", contains(1, 2))
                .body("invitations.find { it.username == 'dr.li' }.response", equalTo("ACCEPTED"))
                .body("invitations.find { it.username == 'dr.zhao' }.response", equalTo("PENDING"))
                .body("invitations.find { it.username == 'cx.doctor' }.hospitalId", equalTo(CHANGXING.toString()))
                .extract().path("id");
        assertEquals("SCHEDULED", consultState(first));
        assertEquals("SCHEDULED", consultState(second));

        as("dr.zhao").get("/api/consults/{id}", first).then().statusCode(200).body("patient.name", equalTo("王建国"));
        as("dr.zhao").get("/api/notifications").then().statusCode(200)
                .body("items.kind", hasItem("meeting.invitation"));
        as("dr.zhao").body(Map.of("response", "ACCEPTED")).put("/api/meetings/{id}/invitations/me", meeting)
                .then().statusCode(200)
                .body("invitations.find { it.username == 'dr.zhao' }.response", equalTo("ACCEPTED"));
        as("dr.zhao").get("/api/meetings").then().statusCode(200).body("id", hasItem(meeting));

        as("dr.zhou").get("/api/meetings/{id}", meeting).then().statusCode(404);
        as("dr.zhou").get("/api/meetings").then().statusCode(200).body("id", not(hasItem(meeting)));
        as("dr.zhou").body(Map.of("response", "ACCEPTED")).put("/api/meetings/{id}/invitations/me", meeting)
                .then().statusCode(404);
        as("fm.doctor").get("/api/meetings/{id}", meeting).then().statusCode(404);
        as("platform.admin").queryParam("target", "meeting:" + meeting).get("/api/audit").then().statusCode(200)
                .body("items.action", hasItem("meeting.create")).body("items.action", hasItem("meeting.invite"))
                .body("items.action", hasItem("meeting.respond"));
    }

    @Test
    void meetingsExportAsICalendarPerMeetingAndPerUser() throws Exception {
        System.setProperty("net.fortuna.ical4j.timezone.update.enabled", "false");
        UUID a = triagedConsult(db, CHANGXING, "cx.doctor", "何十三", null);
        UUID b = triagedConsult(db, CHANGXING, "cx.doctor", "冯十四", null);
        String board = schedule("BOARD", "dr.li", List.of(a), "dr.zhao", "dr.wu");
        String adHoc = schedule("AD_HOC", "dr.sun", List.of(b), "dr.zhao");
        as("dr.wu").body(Map.of("response", "DECLINED")).put("/api/meetings/{id}/invitations/me", board).then()
                .statusCode(200);

        String ics = as("dr.zhao").get("/api/meetings/{id}/calendar.ics", board).then().statusCode(200)
                .contentType(containsString("text/calendar")).extract().asString();
        Calendar cal = new CalendarBuilder().build(new StringReader(ics));
        assertFalse(cal.validate().hasErrors(), cal.validate().toString());
        List<VEvent> events = events(cal);
        assertEquals(1, events.size());
        VEvent e = events.get(0);
        assertEquals(board + "@consilium", value(e, Property.UID));
        assertEquals("胸部肿瘤 MDT / Thoracic board", value(e, Property.SUMMARY));
        assertEquals("门诊楼 5 楼会诊中心", value(e, Property.LOCATION));
        String start = as("cm.wang").get("/api/meetings/{id}", board).then().extract().path("startsAt");
        @SuppressWarnings("unchecked")
        DateProperty<Temporal> dtstart = (DateProperty<Temporal>) e.getProperty(Property.DTSTART).orElseThrow();
        assertEquals(Instant.parse(start), Instant.from(dtstart.getDate()));
        List<Property> attendees = e.getProperties(Property.ATTENDEE);
        assertEquals(3, attendees.size());
        assertTrue(attendees.stream().anyMatch(p -> "DECLINED".equals(p.getParameter("PARTSTAT").orElseThrow()
                .getValue())), ics);
        assertFalse(ics.contains("何十三"), "no patient name leaves in a calendar");
        as("dr.zhou").get("/api/meetings/{id}/calendar.ics", board).then().statusCode(404);

        List<String> zhao = events(new CalendarBuilder().build(new StringReader(as("dr.zhao")
                .get("/api/meetings/mine.ics").then().statusCode(200).extract().asString())))
                .stream().map(v -> value(v, Property.UID)).toList();
        assertTrue(zhao.containsAll(List.of(board + "@consilium", adHoc + "@consilium")), zhao.toString());
        List<String> wu = events(new CalendarBuilder().build(new StringReader(as("dr.wu")
                .get("/api/meetings/mine.ics").then().statusCode(200).extract().asString())))
                .stream().map(v -> value(v, Property.UID)).toList();
        assertFalse(wu.contains(board + "@consilium"), "a declined meeting leaves the calendar");
    }

    private static String role(List<Rooms.Participant> participants, String userId) {
        return participants.stream().filter(p -> p.userId().equals(userId)).findFirst()
                .orElseThrow(() -> new AssertionError(userId + " was not admitted")).role();
    }

    private static List<VEvent> events(Calendar cal) {
        return cal.getComponents().stream().filter(VEvent.class::isInstance).map(VEvent.class::cast).toList();
    }

    private static String value(VEvent e, String name) {
        return e.getProperty(name).orElseThrow(() -> new AssertionError("no " + name)).getValue();
    }

    @Test
    void onlyProvincialCaseManagersScheduleAndAnAdHocSessionHasOneConsult() {
        UUID a = triagedConsult(db, CHANGXING, "cx.doctor", "赵六", null);
        UUID b = triagedConsult(db, CHANGXING, "cx.doctor", "钱七", null);
        as("cx.doctor").body(meeting("BOARD", "dr.li", List.of(a))).post("/api/meetings").then().statusCode(403)
                .body("type", equalTo("urn:consilium:problem:forbidden"));
        as("dr.li").body(meeting("BOARD", "dr.li", List.of(a))).post("/api/meetings").then().statusCode(403);
        as("cm.wang").body(meeting("AD_HOC", "dr.li", List.of(a, b))).post("/api/meetings").then().statusCode(400)
                .body("type", equalTo("urn:consilium:problem:validation"));
        as("cm.wang").body(meeting("BOARD", "cx.doctor", List.of(a))).post("/api/meetings").then().statusCode(400)
                .body("detail", containsString("chairId"));
        Map<String, Object> backwards = meeting("BOARD", "dr.li", List.of(a));
        backwards.put("endsAt", backwards.get("startsAt"));
        as("cm.wang").body(backwards).post("/api/meetings").then().statusCode(400);
        assertEquals("TRIAGED", consultState(a), "a refused meeting schedules nothing");

        String adHoc = schedule("AD_HOC", "dr.sun", List.of(a));
        as("cm.wang").get("/api/meetings/{id}", adHoc).then().statusCode(200).body("kind", equalTo("AD_HOC"));
        as("cm.wang").body(Map.of("consultId", b.toString())).post("/api/meetings/{id}/agenda", adHoc).then()
                .statusCode(409);
        // a scheduled consult cannot be scheduled again: the state machine says so
        as("cm.wang").body(meeting("BOARD", "dr.li", List.of(a))).post("/api/meetings").then().statusCode(409)
                .body("type", equalTo("urn:consilium:problem:illegal-transition"));
    }

    @Test
    void agendaIsOrderedChangedUnderOptimisticLockingAndRemovalReturnsTheConsultToTheQueue() {
        UUID a = triagedConsult(db, CHANGXING, "cx.doctor", "孙八", null);
        UUID b = triagedConsult(db, CHANGXING, "cx.doctor", "周九", null);
        UUID c = triagedConsult(db, CHANGXING, "cx.doctor", "吴十", null);
        String meeting = schedule("BOARD", "dr.li", List.of(a, b), "dr.zhao");
        as("dr.zhao").get("/api/consults/{id}", c).then().statusCode(404);

        int v = as("cm.wang").body(Map.of("consultId", c.toString(), "version", 0))
                .post("/api/meetings/{id}/agenda", meeting).then().statusCode(200)
                .body("agenda.consultId", contains(a.toString(), b.toString(), c.toString()))
                .extract().path("version");
        as("dr.zhao").get("/api/consults/{id}", c).then().statusCode(200);
        as("cm.wang").body(Map.of("consultIds", List.of(c, a, b), "version", 0))
                .put("/api/meetings/{id}/agenda", meeting).then().statusCode(409)
                .body("type", equalTo("urn:consilium:problem:conflict"));
        v = as("cm.wang").body(Map.of("consultIds", List.of(c, a, b), "version", v))
                .put("/api/meetings/{id}/agenda", meeting).then().statusCode(200)
                .body("agenda.consultId", contains(c.toString(), a.toString(), b.toString()))
                .extract().path("version");
        as("cm.wang").body(Map.of("consultIds", List.of(c, a), "version", v))
                .put("/api/meetings/{id}/agenda", meeting).then().statusCode(400);

        as("cm.wang").queryParam("version", v).delete("/api/meetings/{id}/agenda/{c}", meeting, a).then()
                .statusCode(200).body("agenda.consultId", contains(c.toString(), b.toString()))
                .body("agenda.position", contains(1, 2));
        assertEquals("TRIAGED", consultState(a));

        Map<String, Object> later = meeting("BOARD", "dr.li", List.of(b));
        later.put("version", 99);
        as("cm.wang").body(later).put("/api/meetings/{id}", meeting).then().statusCode(409);
        later.remove("version");
        as("cm.wang").body(later).put("/api/meetings/{id}", meeting).then().statusCode(400); // version is required
    }

    @Test
    void aCaseManagerWhoIsNotInvitedOpensTheSessionAndEntersItsRoomAsCoordinator() {
        UUID a = triagedConsult(db, CHANGXING, "cx.doctor", "冯十三", null);
        String meeting = schedule("BOARD", "dr.li", List.of(a), "dr.zhao");

        String room = as("cm.wang").body(Map.of()).post("/api/meetings/{id}/session/open", meeting).then()
                .statusCode(200).body("state", equalTo("OPEN")).body("attendees", empty())
                .extract().path("roomId");
        var admitted = rooms.participants(UUID.fromString(room));
        assertEquals("coordinator", role(admitted, id("cm.wang")));
        as("cm.wang").body(Map.of()).post("/api/meetings/{id}/session/attendance", meeting).then().statusCode(200)
                .body("attendees", empty()); // entering again changes nothing, and she is no attendee
        as("dr.li").body(Map.of()).post("/api/meetings/{id}/session/attendance", meeting).then().statusCode(200)
                .body("attendees.username", contains("dr.li"));
        assertEquals("chair", role(rooms.participants(UUID.fromString(room)), id("dr.li")));
    }

    @Test
    void sessionOpensPresentsRecordsAttendanceAndCloses() {
        UUID a = triagedConsult(db, CHANGXING, "cx.doctor", "郑十一", "1.2.826.0.1.3680043.10.1111.1");
        UUID b = triagedConsult(db, CHANGXING, "cx.doctor", "王十二", null);
        String meeting = schedule("BOARD", "dr.li", List.of(a, b), "dr.zhao", "dr.sun");

        as("dr.zhao").body(Map.of()).post("/api/meetings/{id}/session/open", meeting).then().statusCode(403);
        as("dr.li").body(Map.of("consultId", a.toString())).put("/api/meetings/{id}/session/presenting", meeting)
                .then().statusCode(409); // not open yet
        String room = as("dr.li").body(Map.of()).post("/api/meetings/{id}/session/open", meeting).then()
                .statusCode(200).body("state", equalTo("OPEN")).body("roomKind", equalTo("CONSULT_SESSION"))
                .body("roomRefId", equalTo(meeting)).body("roomId", notNullValue())
                .body("attendees.username", contains("dr.li")).extract().path("roomId");
        assertEquals(UUID.fromString(room), rooms.findByRef(RoomKind.CONSULT_SESSION, UUID.fromString(meeting))
                .orElseThrow().id());
        as("dr.li").body(Map.of()).post("/api/meetings/{id}/session/open", meeting).then().statusCode(409);

        as("dr.li").body(Map.of("consultId", a.toString())).put("/api/meetings/{id}/session/presenting", meeting)
                .then().statusCode(200).body("presentingConsultId", equalTo(a.toString()))
                .body("presentingStudyUids", contains("1.2.826.0.1.3680043.10.1111.1"));
        assertEquals("IN_SESSION", consultState(a));
        assertEquals("SCHEDULED", consultState(b));

        as("dr.zhao").body(Map.of()).post("/api/meetings/{id}/session/attendance", meeting).then().statusCode(200)
                .body("attendees.username", hasItem("dr.zhao"));
        as("dr.zhao").body(Map.of("userId", id("dr.sun"))).post("/api/meetings/{id}/session/attendance", meeting)
                .then().statusCode(403);
        as("dr.li").body(Map.of("userId", id("dr.sun"))).post("/api/meetings/{id}/session/attendance", meeting)
                .then().statusCode(200).body("attendees.username", hasItem("dr.sun"));
        as("dr.li").body(Map.of("userId", id("dr.zhou"))).post("/api/meetings/{id}/session/attendance", meeting)
                .then().statusCode(409); // not invited

        as("dr.li").body(Map.of("consultId", b.toString())).put("/api/meetings/{id}/session/presenting", meeting)
                .then().statusCode(200).body("presentingConsultId", equalTo(b.toString()));
        assertEquals("IN_SESSION", consultState(b));
        var admitted = rooms.participants(UUID.fromString(room));
        assertEquals("chair", role(admitted, id("dr.li")));
        assertEquals("specialist", role(admitted, id("dr.zhao")));
        assertEquals("specialist", role(admitted, id("dr.sun")));
        as("dr.li").body(Map.of()).post("/api/meetings/{id}/session/close", meeting).then().statusCode(200)
                .body("state", equalTo("CLOSED")).body("presentingConsultId", nullValue());
        assertNotNull(rooms.require(UUID.fromString(room)).closedAt(), "closing the session closes the room");
        as("dr.li").body(Map.of("consultId", a.toString())).put("/api/meetings/{id}/session/presenting", meeting)
                .then().statusCode(409);
        as("cx.doctor").get("/api/meetings/{id}/session", meeting).then().statusCode(404);
        as("platform.admin").queryParam("target", "meeting:" + meeting).queryParam("limit", 100).get("/api/audit")
                .then().statusCode(200).body("items.action", hasItem("session.open"))
                .body("items.action", hasItem("session.present")).body("items.action", hasItem("session.attend"))
                .body("items.action", hasItem("session.close"));
    }
}
