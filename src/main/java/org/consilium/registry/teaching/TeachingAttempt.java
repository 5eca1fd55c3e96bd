package org.consilium.registry.teaching;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.ColumnTransformer;

/** A trainee's contours of a case in a course and their score against the expert; one per trainee, course and case. */
@Entity
@Table(name = "teaching_attempt")
public class TeachingAttempt extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "course_id")
    public UUID courseId;
    @Column(name = "case_id")
    public UUID caseId;
    @Column(name = "trainee_id")
    public String traineeId;
    public String trainee;
    /** JSON of the drawn RevisionContent (the case's frame and series, the trainee's polygons). */
    @ColumnTransformer(write = "?::jsonb")
    public String contours;
    /** JSON array of ContourScoring.RoiScore. */
    @ColumnTransformer(write = "?::jsonb")
    public String scores;
    @Column(name = "mean_dice")
    public Double meanDice;
    @Column(name = "mean_hd95")
    public Double meanHd95;
    @Column(name = "submitted_at")
    public Instant submittedAt;
}
