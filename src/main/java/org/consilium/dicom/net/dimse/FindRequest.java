package org.consilium.dicom.net.dimse;

/** A C-FIND-RQ (PS3.7 9.1.2.1): the information model (Patient or Study Root FIND SOP class) and priority. */
public record FindRequest(String sopClassUid, int messageId, int priority) {}
