package org.consilium.registry.teaching;

/**
 * One trainee's standing in a course: ranked by mean Dice over the course's cases (a case not attempted counts
 * as 0), ties by mean HD95 (lower first).
 *
 * @param attempted cases submitted, of {@code cases}
 * @param meanDice  mean over all the course's cases of the case's mean target Dice (0 for an unattempted case)
 * @param meanHd95  mean HD95 in mm over the attempted cases, null when none
 */
public record LeaderboardRow(int rank, String traineeId, String displayName, String hospitalName, int attempted,
                             int cases, double meanDice, Double meanHd95) {
}
