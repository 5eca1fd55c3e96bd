package org.consilium.consult.recommendation;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * One version of a consult's recommendation. DRAFT while the board edits it, FINAL once the chair closes
 * the discussion and the participants sign, SIGNED when the last of them has signed; from then on the row
 * never changes (a database trigger enforces it). An amendment is a new row that links the one it replaces.
 */
@Entity
@Table(name = "recommendation")
public class Recommendation extends PanacheEntityBase {

    /** Where a version is in its life. */
    public enum State { DRAFT, FINAL, SIGNED }

    @Id
    public UUID id;
    @Column(name = "consult_id")
    public UUID consultId;
    public int revision;
    @Column(name = "previous_id")
    public UUID previousId;
    @Column(name = "meeting_id")
    public UUID meetingId;
    @Enumerated(EnumType.STRING)
    public State state;
    /** {@link RecommendationContent} as JSON. */
    public String content;
    @Column(name = "content_hash")
    public String contentHash;
    @Column(name = "amendment_reason")
    public String amendmentReason;
    @Column(name = "chair_id")
    public String chairId;
    @Column(name = "chair_name")
    public String chairName;
    @Column(name = "finalised_at")
    public Instant finalisedAt;
    @Column(name = "signed_at")
    public Instant signedAt;
    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Version
    public long version;

    static Optional<Recommendation> latest(UUID consultId) {
        return find("consultId = ?1 order by revision desc", consultId).firstResultOptional();
    }

    /** The newest signed version: the one the report and the follow-up come from. */
    public static Optional<Recommendation> latestSigned(UUID consultId) {
        return find("consultId = ?1 and state = ?2 order by revision desc", consultId, State.SIGNED)
                .firstResultOptional();
    }
}
