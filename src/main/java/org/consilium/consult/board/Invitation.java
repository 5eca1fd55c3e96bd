package org.consilium.consult.board;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One person invited to a meeting: their answer and, once the session runs, when they joined. */
@Entity
@Table(name = "mdt_invitation")
public class Invitation extends PanacheEntityBase {

    /** The invitee's answer. */
    public enum Response { PENDING, ACCEPTED, DECLINED }

    /** Meeting and Keycloak subject of the invitee. */
    @Embeddable
    public static class Key implements Serializable {
        @Column(name = "meeting_id")
        public UUID meetingId;
        @Column(name = "user_id")
        public String userId;

        public Key() {
        }

        public Key(UUID meetingId, String userId) {
            this.meetingId = meetingId;
            this.userId = userId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && java.util.Objects.equals(meetingId, k.meetingId) && java.util.Objects.equals(userId, k.userId);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(meetingId, userId);
        }
    }

    @EmbeddedId
    public Key key;
    public String username;
    @Column(name = "display_name")
    public String displayName;
    public String discipline;
    @Column(name = "hospital_id")
    public UUID hospitalId;
    @Enumerated(EnumType.STRING)
    public Response response;
    @Column(name = "responded_at")
    public Instant respondedAt;
    @Column(name = "attended_at")
    public Instant attendedAt;
    @Column(name = "invited_by")
    public String invitedBy;
    @Column(name = "invited_at")
    public Instant invitedAt;

    static List<Invitation> of(UUID meetingId) {
        return list("key.meetingId = ?1 order by username", meetingId);
    }

    static List<Invitation> forUser(String userId) {
        return list("key.userId", userId);
    }
}
