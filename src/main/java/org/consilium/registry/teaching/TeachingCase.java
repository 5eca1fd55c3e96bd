package org.consilium.registry.teaching;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.ColumnTransformer;

/**
 * A de-identified teaching case: its own study in the archive (images only), the expert contours on that
 * study's UIDs and a summary of the recommendation without identifiers. Never names the patient's study.
 */
@Entity
@Table(name = "teaching_case")
public class TeachingCase extends PanacheEntityBase {

    @Id
    public UUID id;
    /** CONSULT or RT_REVIEW. */
    @Column(name = "source_kind")
    public String sourceKind;
    @Column(name = "source_id")
    public UUID sourceId;
    /** The hospital that made the case and owns its study. */
    @Column(name = "hospital_id")
    public UUID hospitalId;
    public String title;
    public String site;
    public String stage;
    /** JSON of {@link CaseSummary}. */
    @ColumnTransformer(write = "?::jsonb")
    public String summary;
    @Column(name = "study_uid")
    public String studyUid;
    @Column(name = "ct_series_uid")
    public String ctSeriesUid;
    /** JSON of the radiotherapy capability's RevisionContent, or null when the source had no contours. */
    @Column(name = "expert_contours")
    @ColumnTransformer(write = "?::jsonb")
    public String expertContours;
    /** JSON array of the ROI names a trainee contours (the expert's targets). */
    @Column(name = "target_rois")
    @ColumnTransformer(write = "?::jsonb")
    public String targetRois;
    @Column(name = "created_by_id")
    public String createdById;
    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "created_at")
    public Instant createdAt;
}
