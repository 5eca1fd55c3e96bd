package org.consilium.consult.recommendation;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Where the opinion document of one signed version went: stored in which study, forwarded to which AE. */
@Entity
@Table(name = "consult_report")
public class ConsultReport extends PanacheEntityBase {

    @Id
    @Column(name = "recommendation_id")
    public UUID recommendationId;
    @Column(name = "consult_id")
    public UUID consultId;
    @Column(name = "study_uid")
    public String studyUid;
    @Column(name = "sop_instance_uid")
    public String sopInstanceUid;
    @Column(name = "forwarded_to")
    public String forwardedTo;
    public String note;
    @Column(name = "created_at")
    public Instant createdAt;

    static List<ConsultReport> ofConsult(UUID consultId) {
        return list("consultId = ?1 order by createdAt desc", consultId);
    }
}
