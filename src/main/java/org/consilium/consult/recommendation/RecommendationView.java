package org.consilium.consult.recommendation;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A recommendation version with its opinions and signatures. */
public record RecommendationView(UUID id, UUID consultId, int revision, UUID previousId, UUID meetingId,
                                 Recommendation.State state, RecommendationContent content, String contentHash,
                                 String amendmentReason, String chairId, String chairName, Instant finalisedAt,
                                 Instant signedAt, List<OpinionView> opinions, List<SignatureView> signatures,
                                 String createdBy, Instant createdAt, Instant updatedAt, long version) {

    /** A participant's opinion. */
    public record OpinionView(String userId, String username, String displayName, String discipline,
                              Opinion.Position position, String comment, Instant at) {
    }

    /** A participant who must sign, and when they did (null until then). */
    public record SignatureView(String userId, String username, String displayName, Instant signedAt,
                                String signedHash) {
    }

    public boolean hasDissent() {
        return opinions.stream().anyMatch(o -> o.position() == Opinion.Position.DISSENT);
    }
}
