package org.consilium.live;

/** Who did something in a room: a participant with their role, or the system (userId "system"). */
public record Actor(String userId, String displayName, String role) {

    public static final Actor SYSTEM = new Actor("system", "Consilium", "system");
}
