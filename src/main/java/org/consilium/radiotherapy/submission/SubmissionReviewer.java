package org.consilium.radiotherapy.submission;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

/** A provincial reviewer assigned to a submission. */
@Entity
@Table(name = "rt_submission_reviewer")
@IdClass(SubmissionReviewer.Key.class)
public class SubmissionReviewer extends PanacheEntityBase {

    @Id
    @Column(name = "submission_id")
    public UUID submissionId;
    @Id
    @Column(name = "user_id")
    public String userId;
    @Column(name = "user_name")
    public String userName;
    @Column(name = "assigned_by")
    public String assignedBy;
    @Column(name = "assigned_at")
    public Instant assignedAt;

    /** The composite key. */
    public static class Key implements Serializable {
        public UUID submissionId;
        public String userId;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && java.util.Objects.equals(submissionId, k.submissionId)
                    && java.util.Objects.equals(userId, k.userId);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(submissionId, userId);
        }
    }
}
