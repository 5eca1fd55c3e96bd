package org.consilium.consult.board;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.consilium.audit.AuditLog;
import org.consilium.audit.Outcome;
import org.consilium.consult.document.CalendarEvent;
import org.consilium.consult.document.ICalendarWriter;
import org.consilium.identity.CurrentUser;

/**
 * iCalendar (RFC 5545) export of meetings: one meeting, or every meeting a user chairs or accepted or has
 * not yet answered. Times are in Asia/Shanghai, where the boards meet. The description names no patient:
 * a calendar leaves the system.
 */
@ApplicationScoped
public class BoardCalendar {

    private static final ICalendarWriter WRITER = new ICalendarWriter(ZoneId.of("Asia/Shanghai"));

    @Inject
    Meetings meetings;
    @Inject
    AuditLog audit;

    public String meeting(CurrentUser user, java.util.UUID meetingId) {
        MeetingView m = meetings.get(user, meetingId);
        return WRITER.write(m.title(), List.of(event(m)), Instant.now());
    }

    public String mine(CurrentUser user) {
        List<MeetingView> mine = meetings.calendarOf(user);
        audit.record(user.asActor(), Meetings.hospitalOf(user), "meeting.calendar", "user:" + user.username(),
                Outcome.SUCCESS, mine.size() + " meetings");
        return WRITER.write("MDT 会诊 / MDT boards: " + user.displayName(), mine.stream().map(BoardCalendar::event)
                .toList(), Instant.now());
    }

    static CalendarEvent event(MeetingView m) {
        CalendarEvent.Status status = switch (m.state()) {
            case CANCELLED -> CalendarEvent.Status.CANCELLED;
            default -> CalendarEvent.Status.CONFIRMED;
        };
        String description = (m.kind() == Meeting.Kind.AD_HOC ? "临时会诊 / Ad-hoc session" : "MDT 会诊 / MDT board")
                + "\n议程 / Agenda: " + m.agenda().size() + " 例 / consults"
                + "\n主持 / Chair: " + m.chair().displayName();
        List<CalendarEvent.Attendee> attendees = m.invitations().stream().map(i -> new CalendarEvent.Attendee(
                person(i.userId(), i.displayName()),
                i.userId().equals(m.chair().id()) ? CalendarEvent.Role.CHAIR : CalendarEvent.Role.REQ_PARTICIPANT,
                switch (i.response()) {
                    case ACCEPTED -> CalendarEvent.PartStat.ACCEPTED;
                    case DECLINED -> CalendarEvent.PartStat.DECLINED;
                    case PENDING -> CalendarEvent.PartStat.NEEDS_ACTION;
                })).toList();
        String location = m.place() != null ? m.place() : m.onlineUrl();
        return new CalendarEvent(m.id() + "@consilium", (int) m.version(), m.startsAt(), m.endsAt(), m.title(),
                description, location, m.onlineUrl() == null ? null : URI.create(m.onlineUrl()),
                person(m.chair().id(), m.chair().displayName()), attendees, status);
    }

    /** Calendar users are addressed by their Keycloak id: the system has no e-mail duty. */
    private static CalendarEvent.Person person(String userId, String name) {
        return new CalendarEvent.Person(name, URI.create("urn:uuid:" + userId));
    }
}
