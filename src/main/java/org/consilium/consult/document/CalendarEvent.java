package org.consilium.consult.document;

import java.net.URI;
import java.time.Instant;
import java.util.List;

/**
 * One VEVENT (RFC 5545 3.6.1): an MDT meeting or an ad-hoc session. Text fields are plain text (the writer
 * escapes them); optional ones may be null.
 *
 * @param uid      globally unique and stable across updates, e.g. {@code <meeting id>@consilium}
 * @param sequence revision number; raise it whenever time, place or status changes (RFC 5546 2.1.4)
 * @param url      where to join or view the meeting
 */
public record CalendarEvent(String uid, int sequence, Instant start, Instant end, String summary,
                            String description, String location, URI url, Person organizer,
                            List<Attendee> attendees, Status status) {

    public CalendarEvent {
        if (uid == null || uid.isBlank() || start == null || end == null) {
            throw new IllegalArgumentException("an event needs a UID, a start and an end");
        }
        if (end.isBefore(start)) {
            throw new IllegalArgumentException("event " + uid + " ends before it starts");
        }
        attendees = attendees == null ? List.of() : List.copyOf(attendees);
    }

    /** STATUS of a VEVENT (RFC 5545 3.8.1.11). */
    public enum Status { TENTATIVE, CONFIRMED, CANCELLED }

    /** PARTSTAT for a VEVENT attendee (RFC 5545 3.2.12). */
    public enum PartStat { NEEDS_ACTION, ACCEPTED, DECLINED, TENTATIVE, DELEGATED;

        String value() {
            return name().replace('_', '-');
        }
    }

    /** ROLE (RFC 5545 3.2.16); the chair of the board is CHAIR. */
    public enum Role { CHAIR, REQ_PARTICIPANT, OPT_PARTICIPANT, NON_PARTICIPANT;

        String value() {
            return name().replace('_', '-');
        }
    }

    /**
     * A calendar user: a display name (CN) and a cal-address URI, usually {@code mailto:}.
     */
    public record Person(String name, URI address) {

        public Person {
            if (address == null) {
                throw new IllegalArgumentException("a calendar user needs an address");
            }
        }

        public static Person withEmail(String name, String email) {
            return new Person(name, URI.create("mailto:" + email));
        }
    }

    public record Attendee(Person person, Role role, PartStat partStat) {}
}
