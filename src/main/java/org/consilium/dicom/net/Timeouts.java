package org.consilium.dicom.net;

import java.time.Duration;

/**
 * Upper-layer and DIMSE timeouts. Defaults follow dcm4chee-arc: 5 s to connect, for the association and
 * release handshakes (ARTIM, PS3.8 9.1.5), 300 s idle on an open association and for C-MOVE/C-GET
 * responses. A DIMSE response (C-ECHO, C-STORE, C-FIND) may take 60 s: a store acknowledges only after
 * fsync, which can take seconds for a large instance.
 *
 * <pre>{@code
 * Timeouts t = Timeouts.DEFAULT.withIdle(Duration.ofSeconds(30));
 * }</pre>
 */
public record Timeouts(Duration connect, Duration association, Duration idle, Duration dimseResponse,
        Duration retrieveResponse) {

    public static final Timeouts DEFAULT = new Timeouts(Duration.ofSeconds(5), Duration.ofSeconds(5),
            Duration.ofSeconds(300), Duration.ofSeconds(60), Duration.ofSeconds(300));

    public Timeouts withConnect(Duration d) {
        return new Timeouts(d, association, idle, dimseResponse, retrieveResponse);
    }

    /** ARTIM: waiting for A-ASSOCIATE-RQ after accept, for A-ASSOCIATE-AC/RJ, and for A-RELEASE-RP. */
    public Timeouts withAssociation(Duration d) {
        return new Timeouts(connect, d, idle, dimseResponse, retrieveResponse);
    }

    public Timeouts withIdle(Duration d) {
        return new Timeouts(connect, association, d, dimseResponse, retrieveResponse);
    }

    public Timeouts withDimseResponse(Duration d) {
        return new Timeouts(connect, association, idle, d, retrieveResponse);
    }

    public Timeouts withRetrieveResponse(Duration d) {
        return new Timeouts(connect, association, idle, dimseResponse, d);
    }

    static int millis(Duration d) {
        return (int) Math.min(Integer.MAX_VALUE, Math.max(1, d.toMillis()));
    }
}
