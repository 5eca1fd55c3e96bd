package org.consilium.radiotherapy.submission;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.ColumnTransformer;

/** One plan submitted for review. State moves only through {@link Submissions}. */
@Entity
@Table(name = "rt_submission")
public class PlanSubmission extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "hospital_id")
    public UUID hospitalId;
    @Column(name = "study_uid")
    public String studyUid;
    @Enumerated(EnumType.STRING)
    public SubmissionState state;
    @Column(name = "disease_site")
    public String diseaseSite;
    @Column(name = "prescription_gy")
    public double prescriptionGy;
    public int fractions;
    public String technique;
    @Column(name = "clinical_notes")
    public String clinicalNotes;
    public String question;
    public Short priority;
    @Column(name = "submitted_by_id")
    public String submittedById;
    @Column(name = "submitted_by")
    public String submittedBy;
    @Column(name = "ct_series_uid")
    public String ctSeriesUid;
    @Column(name = "rtstruct_uid")
    public String rtstructUid;
    @Column(name = "rtplan_uid")
    public String rtplanUid;
    @Column(name = "rtdose_uid")
    public String rtdoseUid;
    /** JSON array of strings: what is still awaited. */
    @ColumnTransformer(write = "?::jsonb")
    public String awaiting;
    /** JSON array of {@link Finding}. */
    @ColumnTransformer(write = "?::jsonb")
    public String findings;
    @Column(name = "checked_instances")
    public int checkedInstances;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Column(name = "objects_complete_at")
    public Instant objectsCompleteAt;
    /** SLA target set by a case manager (hours), or null for the configured default. */
    @Column(name = "sla_hours")
    public Integer slaHours;
    /** The current version's review clock: entered the queue, due, decided. */
    @Column(name = "queued_at")
    public Instant queuedAt;
    @Column(name = "due_at")
    public Instant dueAt;
    @Column(name = "decided_at")
    public Instant decidedAt;
    /** 1 as submitted; each resubmission after a return adds one (rt_submission_version). */
    @Column(name = "submission_version")
    public int submissionVersion;
    @Version
    public long version;
}
