package org.consilium.consult;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.InputStream;
import java.util.Map;
import java.util.UUID;
import org.consilium.identity.CurrentUser;
import org.consilium.platform.ProblemException;
import org.consilium.platform.ProblemType;
import org.consilium.archive.UploadTarget;

/**
 * Attachments sent as resumable uploads ({@code purpose: attachment}, with {@code consultId}, {@code kind}
 * and {@code filename}): the same checks and storage as {@code POST /api/consults/{id}/attachments}.
 */
@ApplicationScoped
public class AttachmentUploads implements UploadTarget {

    @Inject
    ConsultAttachments attachments;
    @Inject
    ConsultConfig config;

    @Override
    public String purpose() {
        return "attachment";
    }

    @Override
    public long admit(CurrentUser user, Map<String, String> metadata, long length) {
        attachments.mayAdd(user, consult(metadata), metadata.get("kind"));
        return config.maxAttachment().asLongValue();
    }

    @Override
    public String complete(CurrentUser user, Map<String, String> metadata, String uploadId, InputStream bytes) {
        return attachments.add(user, consult(metadata), metadata.get("kind"), metadata.get("filename"),
                metadata.get("filetype"), bytes).id().toString();
    }

    private static UUID consult(Map<String, String> metadata) {
        try {
            return UUID.fromString(metadata.getOrDefault("consultId", ""));
        } catch (IllegalArgumentException e) {
            throw new ProblemException(ProblemType.VALIDATION, "Upload-Metadata: consultId must be a consult's id");
        }
    }
}
