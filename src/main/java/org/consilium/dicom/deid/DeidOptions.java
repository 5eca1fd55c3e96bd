package org.consilium.dicom.deid;

/**
 * The choices of a de-identification.
 *
 * @param retainLongitudinalModifiedDates PS3.15 E.3.6 option: dates shifted by a per-patient offset rather than removed
 * @param cleanDescriptors               PS3.15 E.3.5 option: descriptions kept with identifying words cleaned out
 * @param retainPrivate                  keep private attributes (not a profile option: the result is then not conformant)
 * @param acceptBurnedInAnnotation       de-identify images whose Burned In Annotation is YES (their pixels are NOT scrubbed)
 */
public record DeidOptions(boolean retainLongitudinalModifiedDates, boolean cleanDescriptors, boolean retainPrivate,
                          boolean acceptBurnedInAnnotation) {

    /** The Basic Profile alone. */
    public static final DeidOptions BASIC = new DeidOptions(false, false, false, false);

    public DeidOptions withRetainLongitudinalModifiedDates(boolean v) {
        return new DeidOptions(v, cleanDescriptors, retainPrivate, acceptBurnedInAnnotation);
    }

    public DeidOptions withCleanDescriptors(boolean v) {
        return new DeidOptions(retainLongitudinalModifiedDates, v, retainPrivate, acceptBurnedInAnnotation);
    }

    public DeidOptions withRetainPrivate(boolean v) {
        return new DeidOptions(retainLongitudinalModifiedDates, cleanDescriptors, v, acceptBurnedInAnnotation);
    }

    public DeidOptions withAcceptBurnedInAnnotation(boolean v) {
        return new DeidOptions(retainLongitudinalModifiedDates, cleanDescriptors, retainPrivate, v);
    }
}
