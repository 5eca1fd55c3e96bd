package org.consilium.consult;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A pathology report, lab sheet or photo attached to a consult; the bytes are a blob in the archive's store. */
@Entity
@Table(name = "consult_attachment")
public class ConsultAttachment extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "consult_id")
    public UUID consultId;
    public String kind;
    public String filename;
    @Column(name = "media_type")
    public String mediaType;
    public long size;
    @Column(name = "blob_key")
    public String blobKey;
    @Column(name = "uploaded_by")
    public String uploadedBy;
    @Column(name = "uploaded_at")
    public Instant uploadedAt;
}
