package org.consilium.dicom.net.dimse;

import org.consilium.dicom.data.Attributes;
import org.consilium.dicom.net.association.AssociationInfo;

/**
 * The C-GET SCP's work (PS3.4 C.4.3): send each matching instance with {@link GetResponder#store}, which
 * issues a C-STORE on this same association (the SCU must have taken the SCP role for that SOP class, PS3.7
 * D.3.3.4) and a pending C-GET-RSP. Return {@link Status#OK}; the final status comes from the counts, as
 * for {@link MoveHandler}.
 *
 * <pre>{@code
 * GetHandler h = (assoc, rq, keys, out) -> {
 *     List<Path> files = index.files(keys);
 *     out.remaining(files.size());
 *     for (Path f : files) {
 *         out.store(f);   // streams the data set from the file, after its File Meta
 *         if (out.cancelled()) break;
 *     }
 *     return Status.OK;
 * };
 * }</pre>
 */
@FunctionalInterface
public interface GetHandler {

    Status get(AssociationInfo association, RetrieveRequest request, Attributes identifier, GetResponder out)
            throws Exception;
}
