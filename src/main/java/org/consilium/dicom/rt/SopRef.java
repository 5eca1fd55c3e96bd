package org.consilium.dicom.rt;

/** A reference to a composite instance: Referenced SOP Class UID and Referenced SOP Instance UID. */
public record SopRef(String sopClassUid, String sopInstanceUid) {
}
