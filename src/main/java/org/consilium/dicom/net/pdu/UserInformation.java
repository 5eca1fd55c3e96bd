package org.consilium.dicom.net.pdu;

import java.util.List;
import org.consilium.dicom.Implementation;

/**
 * The User Information item (PS3.7 D.3.3, PS3.8 9.3.2.3): maximum length of the P-DATA-TF PDUs this side
 * receives (0 = no limit), implementation class UID and version name, and SCP/SCU role selections. Extended
 * negotiation and user identity sub-items are read past and dropped.
 */
public record UserInformation(long maxPduLength, String implementationClassUid, String implementationVersionName,
        List<RoleSelection> roleSelections) {

    /** Role selection for one SOP class (PS3.7 D.3.3.4): may the requestor be SCU, SCP of it. */
    public record RoleSelection(String sopClassUid, boolean scu, boolean scp) {}

    public UserInformation {
        roleSelections = List.copyOf(roleSelections);
    }

    public static UserInformation ours(long maxPduLength, List<RoleSelection> roles) {
        return new UserInformation(maxPduLength, Implementation.CLASS_UID, Implementation.VERSION_NAME, roles);
    }
}
