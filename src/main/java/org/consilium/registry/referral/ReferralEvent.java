package org.consilium.registry.referral;

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

/** One time-stamped change of a referral's state: who, when, from what to what, and the note. */
@Entity
@Table(name = "referral_event")
public class ReferralEvent extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "referral_id")
    public UUID referralId;
    public Instant at;
    @Column(name = "actor_id")
    public String actorId;
    public String actor;
    @Enumerated(EnumType.STRING)
    @Column(name = "from_state")
    public ReferralState fromState;
    @Enumerated(EnumType.STRING)
    @Column(name = "to_state")
    public ReferralState toState;
    public String note;

    static void record(Referral r, CurrentUser user, ReferralState from, String note) {
        ReferralEvent e = new ReferralEvent();
        e.id = UuidV7.next();
        e.referralId = r.id;
        e.at = r.updatedAt;
        e.actorId = user.id();
        e.actor = user.displayName();
        e.fromState = from;
        e.toState = r.state;
        e.note = note;
        e.persist();
    }
}
