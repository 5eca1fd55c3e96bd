package org.consilium.consult;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A patient in one hospital's register. Rows change only through {@link Patients}. */
@Entity
@Table(name = "patient")
public class Patient extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "hospital_id")
    public UUID hospitalId;
    @Column(name = "local_id")
    public String localId;
    public String name;
    public String sex;
    @Column(name = "birth_date")
    public LocalDate birthDate;
    @Column(name = "id_card")
    public String idCard;
    public String mrn;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Version
    public long version;
}
