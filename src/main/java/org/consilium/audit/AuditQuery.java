package org.consilium.audit;

import java.time.Instant;
import java.util.UUID;

/** Filters for reading the audit trail; every field is optional. */
public record AuditQuery(String actorId, UUID hospitalId, String action, Outcome outcome, String target,
                         Instant from, Instant to) {
}
