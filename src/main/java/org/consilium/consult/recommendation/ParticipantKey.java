package org.consilium.consult.recommendation;

import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

/** The key of a participant's row on a recommendation version (opinion, signature). */
public class ParticipantKey implements Serializable {

    public UUID recommendationId;
    public String userId;

    public ParticipantKey() {
    }

    public ParticipantKey(UUID recommendationId, String userId) {
        this.recommendationId = recommendationId;
        this.userId = userId;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ParticipantKey k && Objects.equals(recommendationId, k.recommendationId)
                && Objects.equals(userId, k.userId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(recommendationId, userId);
    }
}
