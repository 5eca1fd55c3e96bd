package org.consilium.consult.board;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A consult on a meeting's agenda, at a position; {@code presentedAt} is set when it is first presented. */
@Entity
@Table(name = "mdt_agenda_item")
public class AgendaItem extends PanacheEntityBase {

    /** Meeting and consult. */
    @Embeddable
    public static class Key implements Serializable {
        @Column(name = "meeting_id")
        public UUID meetingId;
        @Column(name = "consult_id")
        public UUID consultId;

        public Key() {
        }

        public Key(UUID meetingId, UUID consultId) {
            this.meetingId = meetingId;
            this.consultId = consultId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && java.util.Objects.equals(meetingId, k.meetingId) && java.util.Objects.equals(consultId, k.consultId);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(meetingId, consultId);
        }
    }

    @EmbeddedId
    public Key key;
    public int position;
    @Column(name = "presented_at")
    public Instant presentedAt;

    static List<AgendaItem> of(UUID meetingId) {
        return list("key.meetingId = ?1 order by position", meetingId);
    }

    /** The meetings a consult is on, newest first. */
    static List<AgendaItem> forConsult(UUID consultId) {
        return list("key.consultId", consultId);
    }
}
