package org.consilium.dicom.net.pdu;

/**
 * P-DATA-TF (PS3.8 9.3.5): PDV items, as the bytes of the PDU body. {@link PduReader} checks the item
 * structure and reuses one buffer, so the bytes are valid only until the next read; {@link PDataInputStream}
 * walks the items.
 */
public record PDataTf(byte[] buffer, int length) implements Pdu {}
