package org.consilium.dicom.net.dimse;

import org.consilium.dicom.data.Attributes;
import org.consilium.dicom.net.association.AssociationInfo;

/**
 * The C-MOVE SCP's work (PS3.4 C.4.2): resolve the destination AE (else return 0xA801 Move Destination
 * Unknown), send the matching instances there with {@link StoreScu} or {@link Association#cstore}, naming
 * the originator ({@link SubOperations#originatorAe()}), and report each sub-operation to {@code progress},
 * which sends the pending C-MOVE-RSPs. Return {@link Status#OK}: the final status (0000, B000 with the
 * failed SOP Instance UID list, A702, FE00 after C-CANCEL) is worked out from the counts.
 *
 * <pre>{@code
 * MoveHandler h = (assoc, rq, keys, progress) -> {
 *     RemoteAe dest = registry.find(rq.moveDestination());
 *     if (dest == null) return Status.of(Status.MOVE_DESTINATION_UNKNOWN);
 *     List<Path> files = index.files(keys);
 *     progress.remaining(files.size());
 *     try (StoreScu scu = StoreScu.open(dest.options("CONSILIUM"), files)) {
 *         for (Path f : files) {
 *             if (!progress.record(f.toString(), scu.store(f, progress.originatorAe(), progress.messageId()))) break;
 *         }
 *     }
 *     return Status.OK;
 * };
 * }</pre>
 */
@FunctionalInterface
public interface MoveHandler {

    Status move(AssociationInfo association, RetrieveRequest request, Attributes identifier, SubOperations progress)
            throws Exception;
}
