package org.consilium.registry.record;

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
import org.hibernate.annotations.ColumnTransformer;

/** A confirmed revision of a registry record, kept whole; later amended (who, when, why) when edited again. */
@Entity
@Table(name = "registry_record_revision")
@IdClass(RecordRevision.Key.class)
public class RecordRevision extends PanacheEntityBase {

    @Id
    @Column(name = "record_id")
    public UUID recordId;
    @Id
    public int revision;
    @ColumnTransformer(write = "?::jsonb")
    public String content;
    @ColumnTransformer(write = "?::jsonb")
    public String provenance;
    @Column(name = "confirmed_by_id")
    public String confirmedById;
    @Column(name = "confirmed_by")
    public String confirmedBy;
    @Column(name = "confirmed_at")
    public Instant confirmedAt;
    @Column(name = "amended_by")
    public String amendedBy;
    @Column(name = "amended_at")
    public Instant amendedAt;
    @Column(name = "amend_reason")
    public String amendReason;

    /** The composite key. */
    public static class Key implements Serializable {
        public UUID recordId;
        public int revision;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.recordId.equals(recordId) && k.revision == revision;
        }

        @Override
        public int hashCode() {
            return Objects.hash(recordId, revision);
        }
    }
}
