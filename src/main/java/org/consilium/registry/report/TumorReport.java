package org.consilium.registry.report;

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

/** A new-tumor report (新发肿瘤报告). Rows change only through {@link TumorReports}. */
@Entity
@Table(name = "tumor_report")
public class TumorReport extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "hospital_id")
    public UUID hospitalId;
    @Column(name = "patient_id")
    public UUID patientId;
    @Enumerated(EnumType.STRING)
    public Certainty certainty;
    public String icd10;
    public String topography;
    @Enumerated(EnumType.STRING)
    public Detection detection;
    public String finding;
    @Column(name = "reporter_id")
    public String reporterId;
    public String reporter;
    @Column(name = "reporter_phone")
    public String reporterPhone;
    @Column(name = "reported_at")
    public Instant reportedAt;
    @Column(name = "record_due_at")
    public Instant recordDueAt;
    @Column(name = "recorded_at")
    public Instant recordedAt;
    @Column(name = "recorded_by_id")
    public String recordedById;
    @Column(name = "recorded_by")
    public String recordedBy;
    @Column(name = "priority_exam_at")
    public Instant priorityExamAt;
    @Column(name = "priority_exam_by")
    public String priorityExamBy;
    @Column(name = "priority_consult_at")
    public Instant priorityConsultAt;
    @Column(name = "priority_consult_by")
    public String priorityConsultBy;
    @Column(name = "priority_admission_at")
    public Instant priorityAdmissionAt;
    @Column(name = "priority_admission_by")
    public String priorityAdmissionBy;
    @Column(name = "consult_id")
    public UUID consultId;
    @Column(name = "referral_id")
    public UUID referralId;
    @Version
    public long version;
}
