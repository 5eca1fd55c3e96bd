package org.consilium.dicom.net.pdu;

/** A-RELEASE-RP (PS3.8 9.3.7). */
public record AReleaseRp() implements Pdu {}
