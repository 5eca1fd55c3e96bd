package org.consilium.consult;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.consilium.identity.CurrentUser;
import org.consilium.platform.UuidV7;

/** One state change of a consult; the timeline and the SLA clocks read these. Append-only. */
@Entity
@Table(name = "consult_event")
public class ConsultEvent extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "consult_id")
    public UUID consultId;
    public Instant at;
    @Column(name = "actor_id")
    public String actorId;
    public String actor;
    public String action;
    @Enumerated(EnumType.STRING)
    @Column(name = "from_state")
    public ConsultState fromState;
    @Enumerated(EnumType.STRING)
    @Column(name = "to_state")
    public ConsultState toState;
    public String note;

    static ConsultEvent record(Consult c, CurrentUser user, String action, ConsultState from, ConsultState to,
                               String note) {
        ConsultEvent e = new ConsultEvent();
        e.id = UuidV7.next();
        e.consultId = c.id;
        e.at = Instant.now();
        e.actorId = user.id();
        e.actor = user.username();
        e.action = action;
        e.fromState = from;
        e.toState = to;
        e.note = note;
        e.persist();
        return e;
    }
}
