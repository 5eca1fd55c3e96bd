package org.consilium.archive.store;

import java.util.UUID;
import org.consilium.audit.AuditActor;

/** Who sent an instance: the owning hospital, and the AE title or the user. */
public record IngestSource(UUID hospitalId, String sourceAe, AuditActor actor) {
}
