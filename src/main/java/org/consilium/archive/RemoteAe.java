package org.consilium.archive;

import java.util.UUID;

/** A registered DICOM application entity of a hospital, and what it may do with us. */
public record RemoteAe(String aeTitle, UUID hospitalId, String host, int port, boolean mayStore, boolean mayQuery,
                       boolean mayReceive) {
}
