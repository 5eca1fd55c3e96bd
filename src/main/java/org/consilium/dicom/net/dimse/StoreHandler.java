package org.consilium.dicom.net.dimse;

import java.io.InputStream;
import org.consilium.dicom.net.association.AssociationInfo;

/**
 * The C-STORE SCP's work (PS3.4 B.2.3): keep one instance. {@code dataSet} is the raw data set (no File
 * Meta) in the negotiated transfer syntax, streamed from the PDVs as they arrive; whatever the handler
 * leaves unread is skipped. Return {@link Status#OK}, a warning (0xB000, 0xB007, 0x0107) or a failure
 * (0xA700 out of resources, 0xA900 data set does not match SOP class, 0xC000 cannot understand). A thrown
 * exception is answered with 0xC000 (0xA700 for an {@link java.io.IOException}) and its message; the
 * association stays up unless the peer's stream broke.
 *
 * <pre>{@code
 * StoreHandler h = (assoc, rq, dataSet) -> {
 *     Path tmp = Files.createTempFile(dir, "in", ".part");
 *     try (OutputStream out = Files.newOutputStream(tmp)) {
 *         new DicomWriter().writeFileMeta(...);  // or keep File Meta apart
 *         dataSet.transferTo(out);
 *     }
 *     return Status.OK;
 * };
 * }</pre>
 */
@FunctionalInterface
public interface StoreHandler {

    Status store(AssociationInfo association, StoreRequest request, InputStream dataSet) throws Exception;
}
