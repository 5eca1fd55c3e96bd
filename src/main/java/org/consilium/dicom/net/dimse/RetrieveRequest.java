package org.consilium.dicom.net.dimse;

/**
 * A C-MOVE-RQ or C-GET-RQ (PS3.7 9.1.4.1, 9.1.3.1): the information model, and for C-MOVE the Move
 * Destination AE title (null for C-GET).
 */
public record RetrieveRequest(String sopClassUid, int messageId, int priority, String moveDestination) {}
