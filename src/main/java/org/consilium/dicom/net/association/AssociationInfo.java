package org.consilium.dicom.net.association;

import java.net.SocketAddress;
import java.util.List;
import org.consilium.dicom.net.pdu.PresentationContext;
import org.consilium.dicom.net.pdu.UserInformation;

/**
 * An established association as the handlers see it: the AE titles, the peer's address, the accepted
 * presentation contexts, the Maximum Lengths of both sides (0 = no limit) and the policy's attachment.
 */
public record AssociationInfo(String callingAe, String calledAe, SocketAddress remoteAddress,
        List<PresentationContext> contexts, List<UserInformation.RoleSelection> roleSelections,
        long ownMaxPduLength, long peerMaxPduLength, String peerImplementationClassUid,
        String peerImplementationVersionName, Object attachment) {

    public AssociationInfo {
        contexts = List.copyOf(contexts);
        roleSelections = List.copyOf(roleSelections);
    }

    /** The attachment, cast; for example {@code info.attachment(Hospital.class)}. */
    public <T> T attachment(Class<T> type) {
        return type.cast(attachment);
    }

    /** The accepted context with this id, or null. */
    public PresentationContext context(int id) {
        for (PresentationContext pc : contexts) {
            if (pc.id() == id && pc.accepted()) {
                return pc;
            }
        }
        return null;
    }
}
