package org.consilium.dicom;

import org.consilium.dicom.dict.Tag;

/** The transfer syntax is unknown, or would need a pixel codec this toolkit does not have. */
public class UnsupportedTransferSyntaxException extends DicomException {
    private final String transferSyntaxUid;

    public UnsupportedTransferSyntaxException(String transferSyntaxUid, long offset) {
        this(transferSyntaxUid, offset, "not a registered transfer syntax");
    }

    public UnsupportedTransferSyntaxException(String transferSyntaxUid, long offset, String reason) {
        super("Unsupported transfer syntax " + transferSyntaxUid + ": " + reason, Tag.TransferSyntaxUID, offset);
        this.transferSyntaxUid = transferSyntaxUid;
    }

    public String transferSyntaxUid() {
        return transferSyntaxUid;
    }
}
