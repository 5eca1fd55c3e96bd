package org.consilium.radiotherapy.submission;

/**
 * Where a plan submission stands. It waits for its objects, is checked, and then either enters the
 * provincial review queue or is blocked by consistency errors until corrected objects arrive.
 */
public enum SubmissionState {
    /** Not all of the CT series, RTSTRUCT, RTPLAN and RTDOSE are indexed yet. */
    AWAITING_OBJECTS,
    /** All objects are there, but a consistency check found an error; re-checked when the study changes. */
    BLOCKED,
    /** Consistent (warnings allowed): in the provincial review queue. */
    AWAITING_REVIEW,
    /** Returned to the county with required changes. */
    RETURNED,
    /** Approved: the reviewing physician and the physicist signed the same revision. */
    APPROVED
}
