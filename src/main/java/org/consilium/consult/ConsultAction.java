package org.consilium.consult;

/** What someone does to a consult; {@link ConsultStateMachine} decides the state it leads to. */
public enum ConsultAction {
    /** Case manager takes the request into the board's queue. */
    ACCEPT,
    /** Case manager sends it back to the requesting hospital for more information (message required). */
    RETURN,
    /** The requesting hospital sends a returned request again. */
    RESUBMIT,
    /** Case manager refuses it (reason required). */
    DECLINE,
    /** Put on a meeting's agenda or an ad-hoc session. */
    SCHEDULE,
    /** Taken off the agenda, or deferred from a session that did not reach it. */
    UNSCHEDULE,
    /** The session starts presenting it. */
    START_SESSION,
    /** The chair finalises the recommendation. */
    RECOMMEND,
    /** The participants have signed. */
    SIGN,
    /** A signed recommendation gets a new version, which needs signing again. */
    AMEND,
    /** Report sent back and follow-up handed over. */
    CLOSE
}
