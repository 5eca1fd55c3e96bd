package org.consilium.consult.board;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/** An MDT meeting (or an ad-hoc session for one consult): when, where, who chairs it and its session state. */
@Entity
@Table(name = "mdt_meeting")
public class Meeting extends PanacheEntityBase {

    /** A scheduled board with an agenda, or an ad-hoc session for a single consult. */
    public enum Kind { BOARD, AD_HOC }

    /** PLANNED until the chair opens the session; OPEN while it runs; CLOSED after. */
    public enum State { PLANNED, OPEN, CLOSED, CANCELLED }

    @Id
    public UUID id;
    @Enumerated(EnumType.STRING)
    public Kind kind;
    public String title;
    @Column(name = "starts_at")
    public Instant startsAt;
    @Column(name = "ends_at")
    public Instant endsAt;
    public String place;
    @Column(name = "online_url")
    public String onlineUrl;
    @Column(name = "chair_id")
    public String chairId;
    @Column(name = "chair_username")
    public String chairUsername;
    @Column(name = "chair_name")
    public String chairName;
    @Enumerated(EnumType.STRING)
    public State state;
    @Column(name = "presenting_consult_id")
    public UUID presentingConsultId;
    @Column(name = "room_id")
    public UUID roomId;
    @Column(name = "opened_at")
    public Instant openedAt;
    @Column(name = "closed_at")
    public Instant closedAt;
    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Version
    public long version;
}
