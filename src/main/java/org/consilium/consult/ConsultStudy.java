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

/**
 * A study a consult carries, by StudyInstanceUID only, so that the consult and the archive may learn of it
 * in either order. {@code source} says how it came: named in the request, or attached on arrival by
 * patient ID or accession number.
 */
@Entity
@Table(name = "consult_study")
@IdClass(ConsultStudy.Key.class)
public class ConsultStudy extends PanacheEntityBase {

    @Id
    @Column(name = "consult_id")
    public UUID consultId;
    @Id
    @Column(name = "study_uid")
    public String studyUid;
    @Column(name = "attached_by")
    public String attachedBy;
    @Column(name = "attached_at")
    public Instant attachedAt;
    public String source;

    /** The composite key, as JPA wants it. */
    public static class Key implements Serializable {
        public UUID consultId;
        public String studyUid;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(consultId, k.consultId) && Objects.equals(studyUid, k.studyUid);
        }

        @Override
        public int hashCode() {
            return Objects.hash(consultId, studyUid);
        }
    }
}
