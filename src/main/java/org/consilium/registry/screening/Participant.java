package org.consilium.registry.screening;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A person invited to a programme by a member unit, with their results so far. */
@Entity
@Table(name = "screening_participant")
public class Participant extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "programme_id")
    public UUID programmeId;
    @Column(name = "hospital_id")
    public UUID hospitalId;
    /** The member unit's own ID for the person (resident or health-record number). */
    @Column(name = "local_id")
    public String localId;
    public String name;
    public String sex;
    @Column(name = "birth_date")
    public LocalDate birthDate;
    @Column(name = "invited_on")
    public LocalDate invitedOn;
    @Column(name = "questionnaire_high_risk")
    public Boolean questionnaireHighRisk;
    @Enumerated(EnumType.STRING)
    @Column(name = "fit_result")
    public FitResult fitResult;
    @Column(name = "colonoscopy_on")
    public LocalDate colonoscopyOn;
    @Enumerated(EnumType.STRING)
    public Finding finding;
    public String pathology;
    @Column(name = "tumor_report_id")
    public UUID tumorReportId;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Version
    public long version;

    /** High risk by the questionnaire or a positive FIT: referred for colonoscopy. */
    boolean highRisk() {
        return Boolean.TRUE.equals(questionnaireHighRisk) || fitResult == FitResult.POSITIVE;
    }

    boolean screened() {
        return questionnaireHighRisk != null || fitResult != null;
    }
}
