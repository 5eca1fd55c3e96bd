package org.consilium.registry.screening;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.UUID;

/** How many people a member unit is to screen in a programme: the denominator of its screening rate. */
@Entity
@Table(name = "screening_target")
public class ScreeningTarget extends PanacheEntityBase {

    @EmbeddedId
    public Key key;
    public int population;

    @Embeddable
    public record Key(@Column(name = "programme_id") UUID programmeId, @Column(name = "hospital_id") UUID hospitalId)
            implements Serializable {
    }
}
