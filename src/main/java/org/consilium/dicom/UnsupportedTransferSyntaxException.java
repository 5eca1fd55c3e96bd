package org.consilium.dicom;

/** The transfer syntax is unknown or needs a codec this toolkit does not have for the request. */
public class UnsupportedTransferSyntaxException extends DicomException {
    private final String transferSyntaxUid;

    public UnsupportedTransferSyntaxException(String transferSyntaxUid, long offset) {
        super("Unsupported transfer syntax " + transferSyntaxUid, NO_TAG, offset);
        this.transferSyntaxUid = transferSyntaxUid;
    }

    public String transferSyntaxUid() {
        return transferSyntaxUid;
    }
}
