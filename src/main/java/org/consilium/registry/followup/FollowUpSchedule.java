package org.consilium.registry.followup;

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

/** One patient's follow-up schedule for one primary tumor. Rows change only through {@link FollowUpSchedules}. */
@Entity
@Table(name = "follow_up_schedule")
public class FollowUpSchedule extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "patient_id")
    public UUID patientId;
    @Column(name = "hospital_id")
    public UUID hospitalId;
    public String icd10;
    public String stage;
    @Enumerated(EnumType.STRING)
    public FollowUpTemplate template;
    @Column(name = "attending_id")
    public String attendingId;
    public String attending;
    @Column(name = "assignee_id")
    public String assigneeId;
    public String assignee;
    @Column(name = "handed_over_at")
    public Instant handedOverAt;
    @Column(name = "death_date")
    public LocalDate deathDate;
    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "created_at")
    public Instant createdAt;
    @Version
    public long version;
}
