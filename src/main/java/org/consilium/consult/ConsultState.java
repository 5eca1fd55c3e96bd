package org.consilium.consult;

/**
 * Where a consult stands. The main line is requested → triaged → scheduled → in session → recommended →
 * signed → closed; a request may be returned for more information (and resubmitted) or declined.
 * {@link ConsultStateMachine} holds the allowed moves.
 */
public enum ConsultState {
    REQUESTED, TRIAGED, SCHEDULED, IN_SESSION, RECOMMENDED, SIGNED, CLOSED, RETURNED, DECLINED;

    /** No action leads out of a terminal state. */
    public boolean terminal() {
        return this == CLOSED || this == DECLINED;
    }
}
