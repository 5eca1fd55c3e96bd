package org.consilium.archive.dimse;

import java.time.Instant;
import java.util.UUID;

/**
 * A registered application entity as the API shows it and as the DIMSE side looks it up per association.
 *
 * @param mayStore   it may send C-STORE to us
 * @param mayQuery   it may C-FIND, C-MOVE and C-GET from us
 * @param mayReceive we may C-STORE to it (C-MOVE destination, forwarding)
 */
public record AeEntry(UUID id, UUID hospitalId, String aeTitle, String host, int port, boolean mayStore,
                      boolean mayQuery, boolean mayReceive, String description, Instant createdAt) {
}
