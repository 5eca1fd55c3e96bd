package org.consilium.audit;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One row of the append-only audit table. Written only by {@link AuditLog}. */
@Entity
@Table(name = "audit")
public class AuditEvent extends PanacheEntityBase {

    @Id
    public long seq;
    public Instant at;
    @Column(name = "actor_id")
    public String actorId;
    public String actor;
    @Column(name = "hospital_id")
    public UUID hospitalId;
    public String action;
    public String target;
    @Enumerated(EnumType.STRING)
    public Outcome outcome;
    public String detail;
    @Column(name = "prev_hash")
    public String prevHash;
    public String hash;
}
