package org.consilium.consult.followup;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A follow-up task the recommendation asks of the requesting hospital, with its due date and outcome. */
@Entity
@Table(name = "follow_up_task")
public class FollowUpTask extends PanacheEntityBase {

    /** OPEN until the county hospital reports the outcome. */
    public enum State { OPEN, DONE, CANCELLED }

    @Id
    public UUID id;
    @Column(name = "consult_id")
    public UUID consultId;
    @Column(name = "recommendation_id")
    public UUID recommendationId;
    @Column(name = "hospital_id")
    public UUID hospitalId;
    public String title;
    @Column(name = "due_on")
    public LocalDate dueOn;
    @Enumerated(EnumType.STRING)
    public State state;
    public String outcome;
    @Column(name = "reported_by")
    public String reportedBy;
    @Column(name = "reported_at")
    public Instant reportedAt;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Version
    public long version;

    FollowUpView toView(LocalDate today) {
        return new FollowUpView(id, consultId, recommendationId, hospitalId, title, dueOn, state,
                state == State.OPEN && dueOn.isBefore(today), outcome, reportedBy, reportedAt, createdAt, version);
    }
}
