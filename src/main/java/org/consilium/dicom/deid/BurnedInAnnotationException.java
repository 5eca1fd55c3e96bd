package org.consilium.dicom.deid;

/** An image declares Burned In Annotation YES: its pixels may show identity, which we do not scrub. */
public class BurnedInAnnotationException extends Exception {

    private final String sopInstanceUid;

    public BurnedInAnnotationException(String sopInstanceUid) {
        super("instance " + sopInstanceUid + " has Burned In Annotation YES: its pixels may identify the patient"
                + " and are not scrubbed; de-identify it only when told to accept burned-in annotation");
        this.sopInstanceUid = sopInstanceUid;
    }

    public String sopInstanceUid() {
        return sopInstanceUid;
    }
}
