package org.consilium.radiotherapy.submission;

/**
 * One problem a consistency check found in a submitted plan, naming the object and the attribute.
 *
 * @param severity       ERROR blocks review; WARNING is shown to the reviewers
 * @param code           a stable key, e.g. {@code frame-of-reference-mismatch}
 * @param object         CT, RTSTRUCT, RTPLAN or RTDOSE
 * @param sopInstanceUid the instance, or null for a whole series
 * @param attribute      the DICOM attribute keyword with its tag, e.g. {@code FrameOfReferenceUID (0020,0052)}
 * @param roi            "number name" of the ROI concerned, or null
 * @param message        what is wrong, in English, with the values found
 */
public record Finding(Severity severity, String code, String object, String sopInstanceUid, String attribute,
                      String roi, String message) {

    public enum Severity { ERROR, WARNING }
}
