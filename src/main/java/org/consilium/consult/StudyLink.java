package org.consilium.consult;

import java.time.Instant;

/** A study attached to a consult; {@code source} is REQUEST, PATIENT_ID or ACCESSION. */
public record StudyLink(String studyUid, String source, String attachedBy, Instant attachedAt) {

    static StudyLink of(ConsultStudy s) {
        return new StudyLink(s.studyUid, s.source, s.attachedBy, s.attachedAt);
    }
}
