package org.consilium.registry.teaching;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A course: its cases (for a trainee with their own result per case) and, for its teacher, the trainees.
 *
 * @param teaching whether the caller teaches this course (may add cases, enrol, read the leaderboard)
 */
public record CourseView(UUID id, String title, String description, String teacher, Instant createdAt,
                         boolean teaching, List<CourseCase> cases, List<TraineeView> trainees) {

    /**
     * A case of the course.
     *
     * @param submitted the caller's attempt, when they made one
     */
    public record CourseCase(UUID caseId, String title, String site, String stage, List<String> targetRois,
                             MyResult submitted) {
    }

    public record MyResult(UUID attemptId, Double meanDice, Double meanHd95, Instant submittedAt) {
    }

    public record TraineeView(String traineeId, String username, String displayName, String hospitalName,
                              Instant enrolledAt) {
    }
}
