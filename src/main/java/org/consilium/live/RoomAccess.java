package org.consilium.live;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.UUID;
import org.consilium.audit.AuditLog;
import org.consilium.audit.Outcome;
import org.consilium.identity.CurrentUser;
import org.consilium.identity.HospitalLevel;
import org.consilium.identity.HospitalView;
import org.consilium.identity.Role;
import org.consilium.platform.ProblemException;
import org.consilium.platform.ProblemType;

/**
 * Who may do what with a room over REST. Participants read their room; provincial case managers and
 * platform admins manage rooms (create, admit, revoke, close) and read them. Anyone else gets 404, as for
 * a room that does not exist, and the refusal is audited.
 */
@ApplicationScoped
public class RoomAccess {

    @Inject
    Rooms rooms;
    @Inject
    AuditLog audit;

    boolean manages(CurrentUser user) {
        return user.hasRole(Role.PLATFORM_ADMIN) || user.hasRole(Role.CASE_MANAGER)
                && user.hospital().map(h -> h.level() == HospitalLevel.PROVINCIAL).orElse(false);
    }

    void requireManager(CurrentUser user) {
        if (!manages(user)) {
            throw new ProblemException(ProblemType.FORBIDDEN,
                    "only provincial case managers and platform admins manage live rooms");
        }
    }

    /** The room, when the caller is an active participant or manages rooms; audited as {@code action}. */
    Rooms.Room requireReadable(CurrentUser user, UUID roomId, String action) {
        Rooms.Room room = rooms.find(roomId).orElse(null);
        boolean allowed = room != null && (manages(user) || rooms.participant(roomId, user.id()).isPresent());
        if (room != null) {
            audit.record(user.asActor(), user.hospital().map(HospitalView::id).orElse(null), action, "room:" + roomId,
                    allowed ? Outcome.SUCCESS : Outcome.DENIED, allowed ? null : "not a participant");
        }
        if (!allowed) {
            throw ProblemException.notFound("Room " + roomId);
        }
        return room;
    }

    Rooms.Room requireManaged(CurrentUser user, UUID roomId) {
        requireManager(user);
        return rooms.find(roomId).orElseThrow(() -> ProblemException.notFound("Room " + roomId));
    }
}
