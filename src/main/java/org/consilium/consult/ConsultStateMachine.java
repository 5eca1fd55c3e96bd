package org.consilium.consult;

import static org.consilium.consult.ConsultAction.ACCEPT;
import static org.consilium.consult.ConsultAction.AMEND;
import static org.consilium.consult.ConsultAction.CLOSE;
import static org.consilium.consult.ConsultAction.DECLINE;
import static org.consilium.consult.ConsultAction.RECOMMEND;
import static org.consilium.consult.ConsultAction.RESUBMIT;
import static org.consilium.consult.ConsultAction.RETURN;
import static org.consilium.consult.ConsultAction.SCHEDULE;
import static org.consilium.consult.ConsultAction.SIGN;
import static org.consilium.consult.ConsultAction.START_SESSION;
import static org.consilium.consult.ConsultAction.UNSCHEDULE;
import static org.consilium.consult.ConsultState.CLOSED;
import static org.consilium.consult.ConsultState.DECLINED;
import static org.consilium.consult.ConsultState.IN_SESSION;
import static org.consilium.consult.ConsultState.RECOMMENDED;
import static org.consilium.consult.ConsultState.REQUESTED;
import static org.consilium.consult.ConsultState.RETURNED;
import static org.consilium.consult.ConsultState.SCHEDULED;
import static org.consilium.consult.ConsultState.SIGNED;
import static org.consilium.consult.ConsultState.TRIAGED;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import org.consilium.platform.ProblemException;
import org.consilium.platform.ProblemType;

/** The explicit consult state machine: every allowed (state, action) pair and where it leads. Pure. */
public final class ConsultStateMachine {

    private static final Map<ConsultState, Map<ConsultAction, ConsultState>> MOVES = new EnumMap<>(ConsultState.class);

    static {
        move(REQUESTED, ACCEPT, TRIAGED);
        move(REQUESTED, RETURN, RETURNED);
        move(REQUESTED, DECLINE, DECLINED);
        move(RETURNED, RESUBMIT, REQUESTED);
        move(RETURNED, DECLINE, DECLINED);
        move(TRIAGED, SCHEDULE, SCHEDULED);
        move(TRIAGED, RETURN, RETURNED);
        move(SCHEDULED, UNSCHEDULE, TRIAGED);
        move(SCHEDULED, START_SESSION, IN_SESSION);
        move(IN_SESSION, UNSCHEDULE, TRIAGED); // the session ended before reaching it
        move(IN_SESSION, RECOMMEND, RECOMMENDED);
        move(RECOMMENDED, SIGN, SIGNED);
        move(SIGNED, AMEND, RECOMMENDED);
        move(SIGNED, CLOSE, CLOSED);
    }

    private ConsultStateMachine() {
    }

    /** The state {@code action} leads to from {@code from}; a 409 {@code illegal-transition} problem if none. */
    public static ConsultState next(ConsultState from, ConsultAction action) {
        ConsultState to = MOVES.getOrDefault(from, Map.of()).get(action);
        if (to == null) {
            throw new ProblemException(ProblemType.ILLEGAL_TRANSITION,
                    "A consult in state " + from + " cannot " + action + "; allowed: " + allowed(from));
        }
        return to;
    }

    /** The actions allowed from a state (empty for terminal states). */
    public static Set<ConsultAction> allowed(ConsultState from) {
        Map<ConsultAction, ConsultState> out = MOVES.get(from);
        return out == null ? Set.of() : Collections.unmodifiableSet(out.keySet());
    }

    private static void move(ConsultState from, ConsultAction action, ConsultState to) {
        MOVES.computeIfAbsent(from, s -> new EnumMap<>(ConsultAction.class)).put(action, to);
    }
}
