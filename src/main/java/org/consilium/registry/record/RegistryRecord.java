package org.consilium.registry.record;

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

/** One patient's registry record for one primary tumor. Rows change only through {@link RegistryRecords}. */
@Entity
@Table(name = "registry_record")
public class RegistryRecord extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "patient_id")
    public UUID patientId;
    @Column(name = "hospital_id")
    public UUID hospitalId;
    /** The ICD-10 category (C34) that names the primary tumor; one record per patient and category. */
    @Column(name = "primary_site")
    public String primarySite;
    @Enumerated(EnumType.STRING)
    public RecordState state;
    public int revision;
    /** JSON of {@link RecordContent}. */
    @ColumnTransformer(write = "?::jsonb")
    public String content;
    /** JSON object: field name to {@link FilledFrom}. */
    @ColumnTransformer(write = "?::jsonb")
    public String provenance;
    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_by")
    public String updatedBy;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Column(name = "confirmed_by_id")
    public String confirmedById;
    @Column(name = "confirmed_by")
    public String confirmedBy;
    @Column(name = "confirmed_at")
    public Instant confirmedAt;
    @Version
    public long version;
}
