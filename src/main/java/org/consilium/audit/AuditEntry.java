package org.consilium.audit;

import java.time.Instant;
import java.util.UUID;

/** An audit row as the API shows it. */
public record AuditEntry(long seq, Instant at, String actorId, String actor, UUID hospitalId, String action,
                         String target, Outcome outcome, String detail, String hash) {

    static AuditEntry of(AuditEvent e) {
        return new AuditEntry(e.seq, e.at, e.actorId, e.actor, e.hospitalId, e.action, e.target, e.outcome,
                e.detail, e.hash);
    }
}
