package org.consilium.registry.referral;

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

/** A referral (双向转诊) between two hospitals of the alliance. Rows change only through {@link Referrals}. */
@Entity
@Table(name = "referral")
public class Referral extends PanacheEntityBase {

    @Id
    public UUID id;
    @Enumerated(EnumType.STRING)
    public Direction direction;
    @Column(name = "patient_id")
    public UUID patientId;
    @Column(name = "from_hospital_id")
    public UUID fromHospitalId;
    @Column(name = "to_hospital_id")
    public UUID toHospitalId;
    @Column(name = "to_doctor_id")
    public String toDoctorId;
    @Column(name = "to_doctor")
    public String toDoctor;
    @Column(name = "report_id")
    public UUID reportId;
    public String reason;
    public String plan;
    @Column(name = "green_examination")
    public boolean greenExamination;
    @Column(name = "green_consultation")
    public boolean greenConsultation;
    @Column(name = "green_admission")
    public boolean greenAdmission;
    @Enumerated(EnumType.STRING)
    public ReferralState state;
    @Column(name = "appointment_at")
    public Instant appointmentAt;
    public String appointment;
    public String bed;
    @Column(name = "decline_reason")
    public String declineReason;
    @Column(name = "requested_by_id")
    public String requestedById;
    @Column(name = "requested_by")
    public String requestedBy;
    @Column(name = "requested_at")
    public Instant requestedAt;
    @Column(name = "accepted_at")
    public Instant acceptedAt;
    @Column(name = "declined_at")
    public Instant declinedAt;
    @Column(name = "arrived_at")
    public Instant arrivedAt;
    @Column(name = "completed_at")
    public Instant completedAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Version
    public long version;
}
