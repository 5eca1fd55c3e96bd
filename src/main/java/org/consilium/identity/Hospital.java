package org.consilium.identity;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** A hospital of the alliance: the local row of a Keycloak organization, joined on its alias. */
@Entity
@Table(name = "hospital")
public class Hospital extends PanacheEntityBase {

    @Id
    public UUID id;
    public String alias;
    public String name;
    @Column(name = "name_en")
    public String nameEn;
    @Enumerated(EnumType.STRING)
    public HospitalLevel level;
    @Column(name = "keycloak_org_id")
    public String keycloakOrgId;
    @Column(name = "created_at")
    public Instant createdAt;

    public static Optional<Hospital> byAlias(String alias) {
        return find("alias", alias).firstResultOptional();
    }
}
