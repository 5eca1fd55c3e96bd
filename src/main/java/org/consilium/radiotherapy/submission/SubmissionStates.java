package org.consilium.radiotherapy.submission;

import java.util.List;

/** Groups of submission states that queries need. */
final class SubmissionStates {

    /** States of a submission that is still under way (one per study). */
    static final List<SubmissionState> OPEN = List.of(SubmissionState.AWAITING_OBJECTS, SubmissionState.BLOCKED,
            SubmissionState.AWAITING_REVIEW);

    /** States the arrival check looks at again when the study changes. */
    static final List<SubmissionState> WAITING = List.of(SubmissionState.AWAITING_OBJECTS, SubmissionState.BLOCKED);

    private SubmissionStates() {
    }
}
