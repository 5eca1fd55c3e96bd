package org.consilium.consult;

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

/** One consult request. State moves only through {@link Consults#transition}; {@code version} guards edits. */
@Entity
@Table(name = "consult")
public class Consult extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "hospital_id")
    public UUID hospitalId;
    @Column(name = "patient_id")
    public UUID patientId;
    @Enumerated(EnumType.STRING)
    public ConsultState state;
    @Enumerated(EnumType.STRING)
    public Urgency urgency;
    public Short priority;
    @Column(name = "clinical_summary")
    public String clinicalSummary;
    public String question;
    /** JSON of {@link Pathology}. */
    @ColumnTransformer(write = "?::jsonb")
    public String pathology;
    /** JSON array of {@link LabResult}. */
    @ColumnTransformer(write = "?::jsonb")
    public String labs;
    @Column(name = "requested_disciplines")
    public String[] requestedDisciplines;
    @Column(name = "accession_numbers")
    public String[] accessionNumbers;
    @Column(name = "state_note")
    public String stateNote;
    @Column(name = "requested_by_id")
    public String requestedById;
    @Column(name = "requested_by")
    public String requestedBy;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Column(name = "submitted_at")
    public Instant submittedAt;
    @Column(name = "triaged_at")
    public Instant triagedAt;
    @Column(name = "session_at")
    public Instant sessionAt;
    @Version
    public long version;
}
