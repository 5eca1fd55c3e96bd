package org.consilium.registry.screening;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A screening programme, e.g. colorectal cancer screening of a district in 2026. */
@Entity
@Table(name = "screening_programme")
public class ScreeningProgramme extends PanacheEntityBase {

    @Id
    public UUID id;
    public String name;
    /** The cancer screened for, as an ICD-10 range, e.g. {@code C18-C20}. */
    public String site;
    public int year;
    @Column(name = "organiser_hospital_id")
    public UUID organiserHospitalId;
    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "created_at")
    public Instant createdAt;
}
