package org.consilium.registry.followup;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One scheduled follow-up contact and, once made, its outcome. A visit the template planned has no title; one an MDT
 * board's signed recommendation asked for carries the board's title and the consult and recommendation it came from.
 */
@Entity
@Table(name = "follow_up_visit")
public class FollowUpVisit extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "schedule_id")
    public UUID scheduleId;
    @Column(name = "due_on")
    public LocalDate dueOn;
    @Enumerated(EnumType.STRING)
    public State state;
    /** What the board asked for, e.g. "chest CT 4 weeks after surgery"; null for a template visit. */
    public String title;
    @Column(name = "consult_id")
    public UUID consultId;
    @Column(name = "recommendation_id")
    public UUID recommendationId;
    @Column(name = "contacted_on")
    public LocalDate contactedOn;
    public Boolean reached;
    @Enumerated(EnumType.STRING)
    @Column(name = "vital_status")
    public VitalStatus vitalStatus;
    @Column(name = "death_date")
    public LocalDate deathDate;
    public Boolean recurrence;
    public Boolean progression;
    @Enumerated(EnumType.STRING)
    public Recist recist;
    @Column(name = "adverse_events")
    public String adverseEvents;
    @Column(name = "next_step")
    public String nextStep;
    public String note;
    @Column(name = "reported_by")
    public String reportedBy;
    @Column(name = "reported_at")
    public Instant reportedAt;

    public enum State {
        OPEN, DONE, CANCELLED
    }

    public enum VitalStatus {
        ALIVE, DECEASED
    }

    /** RECIST 1.1 overall response: complete, partial, stable, progressive disease, not evaluable. */
    public enum Recist {
        CR, PR, SD, PD, NE
    }
}
