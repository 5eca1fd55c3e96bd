package org.consilium.archive.dimse;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** A DICOM application entity of a hospital: where it listens and what it may do with us. */
@Entity
@Table(name = "application_entity")
public class ApplicationEntity extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "hospital_id")
    public UUID hospitalId;
    @Column(name = "ae_title")
    public String aeTitle;
    public String host;
    public int port;
    @Column(name = "may_store")
    public boolean mayStore;
    @Column(name = "may_query")
    public boolean mayQuery;
    @Column(name = "may_receive")
    public boolean mayReceive;
    public String description;
    @Column(name = "created_at")
    public Instant createdAt;

    static Optional<ApplicationEntity> byTitle(String aeTitle) {
        return find("aeTitle", aeTitle).firstResultOptional();
    }

    AeEntry toEntry() {
        return new AeEntry(id, hospitalId, aeTitle, host, port, mayStore, mayQuery, mayReceive, description,
                createdAt);
    }
}
