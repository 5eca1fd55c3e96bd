package org.consilium.live;

/**
 * One line of a NOTIFY payload on {@link Backplane#CHANNEL}: {@code <kind>|<replica>|<target>|<body>}
 * (docs/live-protocol.md, "Replicas"). A payload holds one or more lines joined by {@code \n}; bodies are
 * compact JSON or digits and never hold a raw newline.
 *
 * <ul>
 *   <li>{@code event|<replica>|<roomId>|<seq>[|<type>|<event JSON>]}: a committed room event, whole when it
 *       fits, else only its seq (the others read it from the log);</li>
 *   <li>{@code ephemeral|<replica>|<roomId>|<items>}: comma-joined cursor and viewport items;</li>
 *   <li>{@code user|<replica>|<userId>|<frame>}: a push for the user's own sockets;</li>
 *   <li>{@code hello|<replica>||}: a replica's listener has (re)connected.</li>
 * </ul>
 */
record Envelope(String kind, String replica, String target, String body) {

    static final String EVENT = "event";
    static final String EPHEMERAL = "ephemeral";
    static final String USER = "user";
    static final String HELLO = "hello";
    /** PostgreSQL refuses NOTIFY payloads of 8000 bytes or more. */
    static final int MAX_PAYLOAD = 7900;

    /** A room event's envelope: the event itself when the line fits a NOTIFY, else its seq only. */
    static Envelope event(String replica, String roomId, RoomLog.Stored e) {
        Envelope whole = new Envelope(EVENT, replica, roomId, e.seq() + "|" + e.type() + "|" + e.body());
        return whole.fits() ? whole : new Envelope(EVENT, replica, roomId, Long.toString(e.seq()));
    }

    String line() {
        return kind + "|" + replica + "|" + target + "|" + body;
    }

    /** True if the line alone is small enough for a NOTIFY (PostgreSQL counts bytes, not characters). */
    boolean fits() {
        return bytes() <= MAX_PAYLOAD;
    }

    /** The line's length in UTF-8. */
    int bytes() {
        String line = line();
        int n = line.length();
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            n += ch < 0x80 ? 0 : ch < 0x800 || Character.isSurrogate(ch) ? 1 : 2; // a surrogate pair is 4 bytes
        }
        return n;
    }

    static Envelope parse(String line) {
        int a = line.indexOf('|');
        int b = line.indexOf('|', a + 1);
        int c = line.indexOf('|', b + 1);
        if (a < 0 || b < 0 || c < 0) {
            throw new IllegalArgumentException("not an envelope: " + line.substring(0, Math.min(80, line.length())));
        }
        return new Envelope(line.substring(0, a), line.substring(a + 1, b), line.substring(b + 1, c), line.substring(c + 1));
    }

    /** The event an {@link #EVENT} envelope carries, or null when it carries only the seq. */
    RoomLog.Stored stored() {
        int a = body.indexOf('|');
        if (a < 0) {
            return null;
        }
        int b = body.indexOf('|', a + 1);
        return new RoomLog.Stored(Long.parseLong(body.substring(0, a)), body.substring(a + 1, b), body.substring(b + 1));
    }

    /** The seq an {@link #EVENT} envelope announces. */
    long seq() {
        int a = body.indexOf('|');
        return Long.parseLong(a < 0 ? body : body.substring(0, a));
    }
}
