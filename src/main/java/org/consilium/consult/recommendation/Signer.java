package org.consilium.consult.recommendation;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A participant who must sign a final recommendation; {@code signedAt} and the hash of the content they
 * signed are set when they do.
 */
@Entity
@Table(name = "recommendation_signer")
@IdClass(ParticipantKey.class)
public class Signer extends PanacheEntityBase {

    @Id
    @Column(name = "recommendation_id")
    public UUID recommendationId;
    @Id
    @Column(name = "user_id")
    public String userId;
    public String username;
    @Column(name = "display_name")
    public String displayName;
    @Column(name = "signed_at")
    public Instant signedAt;
    @Column(name = "signed_hash")
    public String signedHash;

    static List<Signer> of(UUID recommendationId) {
        return list("recommendationId = ?1 order by username", recommendationId);
    }
}
