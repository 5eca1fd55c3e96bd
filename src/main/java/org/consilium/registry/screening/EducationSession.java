package org.consilium.registry.screening;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.UUID;

/** A health-education session (科普宣教) held for a programme. */
@Entity
@Table(name = "screening_session")
public class EducationSession extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "programme_id")
    public UUID programmeId;
    @Column(name = "hospital_id")
    public UUID hospitalId;
    @Column(name = "held_on")
    public LocalDate heldOn;
    public String place;
    public String topic;
    public int attendance;
}
