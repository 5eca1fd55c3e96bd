package org.consilium.dicom.net.dimse;

/**
 * A C-STORE-RQ as a {@link StoreHandler} sees it (PS3.7 9.1.1.1). Move originator AE is null and its
 * message id 0 unless the store is a C-MOVE sub-operation.
 */
public record StoreRequest(String sopClassUid, String sopInstanceUid, String transferSyntaxUid, int messageId,
        int priority, String moveOriginatorAe, int moveOriginatorMessageId) {}
