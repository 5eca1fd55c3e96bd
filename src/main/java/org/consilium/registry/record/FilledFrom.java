package org.consilium.registry.record;

import java.time.Instant;

/**
 * Where a field's value came from: the system's own knowledge (a new-tumor report, a consult, its signed
 * recommendation, an approved RT review, a follow-up visit) or the case manager who entered it.
 *
 * @param ref the source's id, e.g. {@code consult:019a…}; for the case manager their user id
 * @param by  who made the source (the recommendation's chair, the reviewer, the visit's reporter, the case manager)
 */
public record FilledFrom(Source source, String ref, String by, Instant at) {

    /** The kinds of source, in the order the filling reads them. */
    public enum Source {
        REPORT, CONSULT, RECOMMENDATION, RT_REVIEW, FOLLOW_UP, CASE_MANAGER
    }
}
