package org.consilium.live;

/** WebSocket close codes of the live protocol (4000–4999 are the application's, 1012 is RFC 6455's; docs/live-protocol.md). */
final class CloseCodes {

    /** No ticket, or an unknown, used, expired or other room's ticket. */
    static final int UNAUTHORIZED = 4401;
    /** Not a participant of the room (or admission revoked). */
    static final int FORBIDDEN = 4403;
    /** The room does not exist. */
    static final int NOT_FOUND = 4404;
    /** The socket's outbound queue filled up: reconnect with lastSeq. */
    static final int SLOW_CLIENT = 4408;
    /** The room was closed. */
    static final int ROOM_CLOSED = 4410;
    /** The server failed to send: reconnect with lastSeq. */
    static final int SERVER_ERROR = 4500;
    /**
     * The replica is stopping (SIGTERM, rolling upgrade, scale-down): reconnect with lastSeq, and the load
     * balancer sends the socket to another replica. RFC 6455's registered "Service Restart" code.
     */
    static final int SERVICE_RESTART = 1012;

    private CloseCodes() {
    }
}
