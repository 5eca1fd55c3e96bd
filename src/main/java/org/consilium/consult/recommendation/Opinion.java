package org.consilium.consult.recommendation;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One participant's opinion on a recommendation version; DISSENT is kept and printed in the report. */
@Entity
@Table(name = "recommendation_opinion")
@IdClass(ParticipantKey.class)
public class Opinion extends PanacheEntityBase {

    /** Agree, dissent or abstain. */
    public enum Position { AGREE, DISSENT, ABSTAIN }

    @Id
    @Column(name = "recommendation_id")
    public UUID recommendationId;
    @Id
    @Column(name = "user_id")
    public String userId;
    public String username;
    @Column(name = "display_name")
    public String displayName;
    public String discipline;
    @Enumerated(EnumType.STRING)
    public Position position;
    public String comment;
    public Instant at;

    static List<Opinion> of(UUID recommendationId) {
        return list("recommendationId = ?1 order by at", recommendationId);
    }
}
