package org.consilium.dicom.net.pdu;

/**
 * A protocol data unit of the DICOM upper layer (PS3.8 9.3). {@link PduReader} reads them from a socket and
 * {@link PduWriter} writes them; the association and the DIMSE layer above see only these records.
 */
public sealed interface Pdu permits AAssociateRq, AAssociateAc, AAssociateRj, PDataTf, AReleaseRq, AReleaseRp, AAbort {

    int A_ASSOCIATE_RQ = 0x01;
    int A_ASSOCIATE_AC = 0x02;
    int A_ASSOCIATE_RJ = 0x03;
    int P_DATA_TF = 0x04;
    int A_RELEASE_RQ = 0x05;
    int A_RELEASE_RP = 0x06;
    int A_ABORT = 0x07;

    /** The DICOM Application Context Name (PS3.7 A.2.1). */
    String APPLICATION_CONTEXT = "1.2.840.10008.3.1.1.1";
}
