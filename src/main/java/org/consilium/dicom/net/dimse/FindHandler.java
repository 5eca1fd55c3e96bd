package org.consilium.dicom.net.dimse;

import org.consilium.dicom.data.Attributes;
import org.consilium.dicom.net.association.AssociationInfo;

/**
 * The C-FIND SCP's work (PS3.4 C.4.1): match {@code identifier} at its Query/Retrieve Level and send each
 * match through {@code out}. Return the final status: {@link Status#OK}, or a failure such as 0xA900
 * (identifier does not match SOP class) or 0xC000 (unable to process). When the SCU cancels, the final
 * status is Cancel (0xFE00) whatever is returned. An exception is answered 0xC000 with its message.
 *
 * <pre>{@code
 * FindHandler h = (assoc, rq, keys, out) -> {
 *     for (Attributes study : index.studies(assoc.attachment(Hospital.class), keys)) {
 *         if (!out.pending(study)) break;
 *     }
 *     return Status.OK;
 * };
 * }</pre>
 */
@FunctionalInterface
public interface FindHandler {

    Status find(AssociationInfo association, FindRequest request, Attributes identifier, FindResponder out)
            throws Exception;
}
