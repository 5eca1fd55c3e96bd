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
import org.consilium.platform.UuidV7;

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

    /** A new schedule (not yet persisted, no template yet) kept by one doctor: its attending doctor and assignee. */
    static FollowUpSchedule keptBy(UUID patientId, UUID hospitalId, String doctorId, String doctor, String createdBy) {
        FollowUpSchedule s = new FollowUpSchedule();
        s.id = UuidV7.next();
        s.patientId = patientId;
        s.hospitalId = hospitalId;
        s.attendingId = doctorId;
        s.attending = doctor;
        s.assigneeId = doctorId;
        s.assignee = doctor;
        s.createdBy = createdBy;
        s.createdAt = Instant.now();
        return s;
    }
}
