package org.consilium.dicom.net.pdu;

/** A PDU other than P-DATA-TF arrived where P-DATA was being read; the caller decides if that is allowed. */
public final class UnexpectedPduException extends PduException {

    private final transient Pdu pdu;

    public UnexpectedPduException(Pdu pdu) {
        super("unexpected " + pdu.getClass().getSimpleName() + " during P-DATA", AAbort.UNEXPECTED_PDU);
        this.pdu = pdu;
    }

    public Pdu pdu() {
        return pdu;
    }
}
