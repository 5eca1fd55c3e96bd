package org.consilium.consult;

import java.time.Instant;
import java.util.UUID;

/** An attachment's metadata; the bytes are at {@code /api/consults/{consultId}/attachments/{id}}. */
public record AttachmentView(UUID id, String kind, String filename, String mediaType, long size,
                             String uploadedBy, Instant uploadedAt) {

    static AttachmentView of(ConsultAttachment a) {
        return new AttachmentView(a.id, a.kind, a.filename, a.mediaType, a.size, a.uploadedBy, a.uploadedAt);
    }
}
