package org.consilium.radiotherapy.review;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.ColumnTransformer;
import org.hibernate.annotations.Immutable;

/**
 * One immutable revision of a submission's structure set. Revision 1 is the submitted RTSTRUCT; each later
 * one names its parent, author, time, reason and the ROIs it changed. The database refuses updates and
 * deletes (trigger rt_revision_no_change).
 */
@Entity
@Immutable
@Table(name = "rt_revision")
public class StructureSetRevision extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "submission_id")
    public UUID submissionId;
    public int number;
    @Column(name = "parent_id")
    public UUID parentId;
    /** SUBMITTED, RESUBMITTED (the county's structure set of a later version), EXPERT. */
    public String kind;
    @Column(name = "author_id")
    public String authorId;
    public String author;
    @Column(name = "created_at")
    public Instant createdAt;
    public String reason;
    /** JSON array of {@link RevisionView.ChangedRoi}. */
    @Column(name = "changed_rois")
    @ColumnTransformer(write = "?::jsonb")
    public String changedRois;
    /** JSON of {@link RevisionContent}. */
    @ColumnTransformer(write = "?::jsonb")
    public String content;
    @Column(name = "room_seq")
    public Long roomSeq;
    /** The submission version this revision belongs to. */
    @Column(name = "submission_version")
    public int submissionVersion;
}
