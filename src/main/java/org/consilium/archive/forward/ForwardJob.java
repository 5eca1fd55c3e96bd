package org.consilium.archive.forward;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One instance to send to one AE by C-STORE. A row, so that the queue survives restarts. */
@Entity
@Table(name = "forward_job")
public class ForwardJob extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "hospital_id")
    public UUID hospitalId;
    @Column(name = "target_ae")
    public String targetAe;
    @Column(name = "study_uid")
    public String studyUid;
    @Column(name = "sop_instance_uid")
    public String sopInstanceUid;
    @Enumerated(EnumType.STRING)
    public ForwardState state;
    public int attempts;
    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;
    @Column(name = "last_error")
    public String lastError;
    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;

    ForwardJobView toView() {
        return new ForwardJobView(id, targetAe, studyUid, sopInstanceUid, state, attempts, nextAttemptAt, lastError,
                createdBy, createdAt, updatedAt);
    }
}
