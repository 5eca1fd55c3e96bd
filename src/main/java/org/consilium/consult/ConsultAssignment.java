package org.consilium.consult;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** A user who works on a consult (assigned specialist or invitee); they may see it. */
@Entity
@Table(name = "consult_assignment")
@IdClass(ConsultAssignment.Key.class)
public class ConsultAssignment extends PanacheEntityBase {

    @Id
    @Column(name = "consult_id")
    public UUID consultId;
    @Id
    @Column(name = "user_id")
    public String userId;
    public String username;
    @Column(name = "display_name")
    public String displayName;
    public String discipline;
    @Column(name = "assigned_by")
    public String assignedBy;
    @Column(name = "assigned_at")
    public Instant assignedAt;

    /** The composite key, as JPA wants it: a class with the two id fields. */
    public static class Key implements Serializable {
        public UUID consultId;
        public String userId;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(consultId, k.consultId) && Objects.equals(userId, k.userId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(consultId, userId);
        }
    }
}
