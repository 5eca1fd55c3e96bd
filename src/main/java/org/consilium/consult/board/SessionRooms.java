package org.consilium.consult.board;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * The bridge from a meeting's session to its live room. Until the live capability provides rooms, a session
 * runs without one: the room id stays empty and {@link SessionView} exposes the ids a room will need.
 */
@ApplicationScoped
public class SessionRooms {

    UUID open(Meeting m) {
        return null;
    }

    void admit(Meeting m, Invitation invitee) {
        // no live room yet
    }

    void close(Meeting m) {
        // no live room yet
    }
}
