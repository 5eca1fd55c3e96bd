package org.consilium.live;

/** What a room belongs to: its ref id is a consult session's id or an RT review's id. */
public enum RoomKind {
    CONSULT_SESSION, RT_REVIEW
}
