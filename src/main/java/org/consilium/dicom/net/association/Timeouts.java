package org.consilium.dicom.net.association;

import java.time.Duration;

/**
 * Upper-layer and DIMSE timeouts. Defaults follow dcm4chee-arc: 5 s to connect and for the association
 * and release handshakes (ARTIM, PS3.8 9.1.5); 300 s idle on an open association, which also bounds a
 * read inside a message and a write the peer does not take (see {@code StallGuard}). An SCU waits 60 s
 * for a DIMSE response: a store is acknowledged only after fsync, which can take seconds for a large
 * instance, so dcm4chee's 5 s would fail healthy peers.
 *
 * <pre>{@code
 * Timeouts t = Timeouts.DEFAULT.withIdle(Duration.ofSeconds(30));
 * }</pre>
 */
public record Timeouts(Duration connect, Duration association, Duration idle, Duration dimseResponse) {

    public static final Timeouts DEFAULT = new Timeouts(Duration.ofSeconds(5), Duration.ofSeconds(5),
            Duration.ofSeconds(300), Duration.ofSeconds(60));

    public Timeouts withConnect(Duration d) {
        return new Timeouts(d, association, idle, dimseResponse);
    }

    /** ARTIM: waiting for A-ASSOCIATE-RQ after accept, for A-ASSOCIATE-AC/RJ, and for A-RELEASE-RP. */
    public Timeouts withAssociation(Duration d) {
        return new Timeouts(connect, d, idle, dimseResponse);
    }

    public Timeouts withIdle(Duration d) {
        return new Timeouts(connect, association, d, dimseResponse);
    }

    public Timeouts withDimseResponse(Duration d) {
        return new Timeouts(connect, association, idle, d);
    }

    static int millis(Duration d) {
        return (int) Math.min(Integer.MAX_VALUE, Math.max(1, d.toMillis()));
    }
}
