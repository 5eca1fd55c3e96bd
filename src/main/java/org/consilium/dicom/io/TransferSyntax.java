package org.consilium.dicom.io;

import org.consilium.dicom.dict.UID;
import org.consilium.dicom.dict.UIDRegistry;

/**
 * How a transfer syntax encodes the data set (PS3.5 10): VR explicit or implicit, byte order, whether the
 * data set is deflated, and whether Pixel Data is encapsulated. Compressed pixel syntaxes (JPEG, RLE, ...)
 * all encode the data set as explicit VR little endian; the pixels stay as fragments.
 */
public record TransferSyntax(String uid, boolean explicitVR, boolean bigEndian, boolean deflated, boolean encapsulated) {

    public static final TransferSyntax IMPLICIT_VR_LITTLE_ENDIAN =
            new TransferSyntax(UID.ImplicitVRLittleEndian, false, false, false, false);
    public static final TransferSyntax EXPLICIT_VR_LITTLE_ENDIAN =
            new TransferSyntax(UID.ExplicitVRLittleEndian, true, false, false, false);
    public static final TransferSyntax EXPLICIT_VR_BIG_ENDIAN =
            new TransferSyntax(UID.ExplicitVRBigEndian, true, true, false, false);
    public static final TransferSyntax DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN =
            new TransferSyntax(UID.DeflatedExplicitVRLittleEndian, true, false, true, false);

    /** The encoding for a transfer syntax UID; unknown UIDs are taken as encapsulated explicit VR LE. */
    public static TransferSyntax of(String uid) {
        return switch (uid) {
            case UID.ImplicitVRLittleEndian -> IMPLICIT_VR_LITTLE_ENDIAN;
            case UID.ExplicitVRLittleEndian -> EXPLICIT_VR_LITTLE_ENDIAN;
            case UID.ExplicitVRBigEndian -> EXPLICIT_VR_BIG_ENDIAN;
            case UID.DeflatedExplicitVRLittleEndian -> DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN;
            default -> new TransferSyntax(uid, true, false, false, true);
        };
    }

    /** A transfer syntax we know: the four above or any registered one. */
    public boolean isKnown() {
        return UIDRegistry.isTransferSyntax(uid);
    }
}
