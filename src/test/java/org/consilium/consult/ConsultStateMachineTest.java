package org.consilium.consult;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.consilium.platform.ProblemException;
import org.consilium.platform.ProblemType;
import org.junit.jupiter.api.Test;

/**
 * Properties of the consult state machine over random transition sequences. The expected moves are written
 * out here a second time, as issue 6 states them, so that a change to the machine has to change the spec too.
 */
class ConsultStateMachineTest {

    private static final long SEED = Long.getLong("consult.sm.seed", System.nanoTime());
    private static final int SEQUENCES = 5_000;
    private static final int MAX_LENGTH = 40;

    /** The specification: "state action" → next state. Everything not listed is illegal. */
    private static final Map<String, ConsultState> SPEC = Map.ofEntries(
            Map.entry("REQUESTED ACCEPT", ConsultState.TRIAGED),
            Map.entry("REQUESTED RETURN", ConsultState.RETURNED),
            Map.entry("REQUESTED DECLINE", ConsultState.DECLINED),
            Map.entry("RETURNED RESUBMIT", ConsultState.REQUESTED),
            Map.entry("RETURNED DECLINE", ConsultState.DECLINED),
            Map.entry("TRIAGED SCHEDULE", ConsultState.SCHEDULED),
            Map.entry("TRIAGED RETURN", ConsultState.RETURNED),
            Map.entry("SCHEDULED UNSCHEDULE", ConsultState.TRIAGED),
            Map.entry("SCHEDULED START_SESSION", ConsultState.IN_SESSION),
            Map.entry("IN_SESSION UNSCHEDULE", ConsultState.TRIAGED),
            Map.entry("IN_SESSION RECOMMEND", ConsultState.RECOMMENDED),
            Map.entry("RECOMMENDED SIGN", ConsultState.SIGNED),
            Map.entry("SIGNED AMEND", ConsultState.RECOMMENDED),
            Map.entry("SIGNED CLOSE", ConsultState.CLOSED));

    @Test
    void randomSequencesFollowTheSpecAndIllegalStepsChangeNothing() {
        Random random = new Random(SEED);
        ConsultAction[] actions = ConsultAction.values();
        int legal = 0;
        int illegal = 0;
        for (int s = 0; s < SEQUENCES; s++) {
            ConsultState state = ConsultState.REQUESTED;
            List<String> path = new ArrayList<>();
            int length = 1 + random.nextInt(MAX_LENGTH);
            for (int i = 0; i < length; i++) {
                ConsultAction action = actions[random.nextInt(actions.length)];
                ConsultState expected = SPEC.get(state + " " + action);
                path.add(action.name());
                String where = "seed " + SEED + ", path " + path;
                if (expected == null) {
                    ConsultState before = state;
                    ProblemException e = assertThrows(ProblemException.class,
                            () -> ConsultStateMachine.next(before, action), where);
                    assertEquals(ProblemType.ILLEGAL_TRANSITION, e.type(), where);
                    assertEquals(409, e.type().status(), where);
                    assertTrue(e.getMessage().contains(before.name()) && e.getMessage().contains(action.name()),
                            "the problem names the state and the action: " + e.getMessage());
                    illegal++;
                } else {
                    state = ConsultStateMachine.next(state, action);
                    assertEquals(expected, state, where);
                    legal++;
                }
            }
        }
        assertTrue(legal > 1_000 && illegal > 1_000, "both kinds of step were exercised: " + legal + "/" + illegal);
    }

    @Test
    void randomWalksOnlyReachTheMainLineInOrder() {
        Random random = new Random(SEED + 1);
        for (int s = 0; s < SEQUENCES; s++) {
            ConsultState state = ConsultState.REQUESTED;
            Set<ConsultState> sinceSubmission = EnumSet.of(state);
            List<ConsultAction> path = new ArrayList<>();
            for (int i = 0; i < MAX_LENGTH && !state.terminal(); i++) {
                List<ConsultAction> allowed = List.copyOf(ConsultStateMachine.allowed(state));
                ConsultAction action = allowed.get(random.nextInt(allowed.size()));
                path.add(action);
                state = ConsultStateMachine.next(state, action);
                if (state == ConsultState.REQUESTED) {
                    sinceSubmission.clear();
                }
                sinceSubmission.add(state);
                String where = "seed " + SEED + ", path " + path;
                if (state == ConsultState.IN_SESSION) {
                    assertTrue(sinceSubmission.containsAll(EnumSet.of(ConsultState.TRIAGED, ConsultState.SCHEDULED)),
                            where);
                }
                if (state == ConsultState.SIGNED || state == ConsultState.CLOSED) {
                    assertTrue(sinceSubmission.containsAll(EnumSet.of(ConsultState.IN_SESSION,
                            ConsultState.RECOMMENDED)), where);
                }
                if (state == ConsultState.CLOSED) {
                    assertTrue(sinceSubmission.contains(ConsultState.SIGNED), "closed only once signed: " + where);
                }
            }
        }
    }

    @Test
    void everyStateIsReachableAndNoneIsADeadEnd() {
        Set<ConsultState> reachable = reachableFrom(ConsultState.REQUESTED);
        assertEquals(EnumSet.allOf(ConsultState.class), reachable);
        for (ConsultState s : reachable) {
            Set<ConsultState> onward = reachableFrom(s);
            assertTrue(onward.contains(ConsultState.CLOSED) || onward.contains(ConsultState.DECLINED),
                    s + " can still finish");
        }
    }

    @Test
    void terminalStatesAllowNothing() {
        for (ConsultState s : EnumSet.of(ConsultState.CLOSED, ConsultState.DECLINED)) {
            assertTrue(s.terminal());
            assertEquals(Set.of(), ConsultStateMachine.allowed(s));
        }
        assertEquals(SPEC.keySet(), EnumSet.allOf(ConsultState.class).stream()
                .flatMap(s -> ConsultStateMachine.allowed(s).stream().map(a -> s + " " + a))
                .collect(Collectors.toSet()), "allowed() lists exactly the legal moves");
    }

    private static Set<ConsultState> reachableFrom(ConsultState start) {
        Set<ConsultState> seen = EnumSet.of(start);
        ArrayDeque<ConsultState> todo = new ArrayDeque<>(List.of(start));
        while (!todo.isEmpty()) {
            ConsultState from = todo.poll();
            for (ConsultAction a : ConsultStateMachine.allowed(from)) {
                ConsultState next = ConsultStateMachine.next(from, a);
                if (seen.add(next)) {
                    todo.add(next);
                }
            }
        }
        return seen;
    }
}
