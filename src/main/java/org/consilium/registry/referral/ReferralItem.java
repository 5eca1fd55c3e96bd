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

/** A study or report a referral carries, and whether the receiving side recognised it (结果互认). */
@Entity
@Table(name = "referral_item")
public class ReferralItem extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "referral_id")
    public UUID referralId;
    @Enumerated(EnumType.STRING)
    public ItemKind kind;
    @Column(name = "study_uid")
    public String studyUid;
    public String title;
    public String body;
    @Enumerated(EnumType.STRING)
    public Recognition recognition;
    @Column(name = "recognition_reason")
    public String recognitionReason;
    @Column(name = "recognised_by")
    public String recognisedBy;
    @Column(name = "recognised_at")
    public Instant recognisedAt;

    public enum ItemKind {
        STUDY, REPORT
    }

    /** Recognised as it is (互认), or repeated at the receiving hospital (with the reason). */
    public enum Recognition {
        RECOGNISED, REPEATED
    }
}
