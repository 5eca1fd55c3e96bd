package org.consilium.consult.board;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.UUID;
import org.consilium.live.RoomKind;
import org.consilium.live.Rooms;

/**
 * The bridge from a meeting's session to its live room (kind CONSULT_SESSION, reference id the meeting):
 * opening the session opens the room, each attendee is admitted as they join (the chair first), and closing
 * the session closes the room.
 */
@ApplicationScoped
public class SessionRooms {

    @Inject
    Rooms rooms;
    @Inject
    BoardStaff staff;

    UUID open(Meeting m) {
        return rooms.open(RoomKind.CONSULT_SESSION, m.id, m.title);
    }

    void admit(Meeting m, Invitation invitee) {
        if (m.roomId != null) {
            rooms.admit(m.roomId, invitee.key.userId, invitee.displayName, role(m, invitee));
        }
    }

    /** A case manager running the session: everything in the room except leading "follow me". */
    void admitCoordinator(Meeting m, String userId, String displayName) {
        if (m.roomId != null) {
            rooms.admit(m.roomId, userId, displayName, "coordinator");
        }
    }

    void close(Meeting m) {
        if (m.roomId != null) {
            rooms.close(m.roomId);
        }
    }

    /** The chair chairs; the requesting hospital's people present their patient; provincial staff advise. */
    private String role(Meeting m, Invitation invitee) {
        if (invitee.key.userId.equals(m.chairId)) {
            return "chair";
        }
        return invitee.hospitalId != null && !staff.provincial().contains(invitee.hospitalId) ? "presenter"
                : "specialist";
    }
}
