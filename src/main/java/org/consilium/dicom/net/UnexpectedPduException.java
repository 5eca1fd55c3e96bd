package org.consilium.dicom.net;

/** A PDU other than P-DATA-TF arrived where P-DATA was being read; the caller decides if that is allowed. */
final class UnexpectedPduException extends PduException {

    private final transient Pdu pdu;

    UnexpectedPduException(Pdu pdu) {
        super("unexpected " + pdu.getClass().getSimpleName() + " during P-DATA", AAbort.UNEXPECTED_PDU);
        this.pdu = pdu;
    }

    Pdu pdu() {
        return pdu;
    }
}
