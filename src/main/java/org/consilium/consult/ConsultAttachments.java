package org.consilium.consult;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.consilium.archive.BlobStore;
import org.consilium.archive.StagedBlob;
import org.consilium.audit.AuditLog;
import org.consilium.audit.Outcome;
import org.consilium.identity.CurrentUser;
import org.consilium.platform.ProblemException;
import org.consilium.platform.ProblemType;
import org.consilium.platform.UuidV7;

/**
 * Pathology reports, lab sheets and photos of a consult: PDF, PNG or JPEG, recognised by their magic bytes.
 * The bytes go durably into the archive's content-addressed {@link BlobStore} before the row is written.
 */
@ApplicationScoped
public class ConsultAttachments {

    static final Set<String> KINDS = Set.of("PATHOLOGY", "LAB", "IMAGING", "OTHER");

    @Inject
    Consults consults;
    @Inject
    ConsultVisibility visibility;
    @Inject
    BlobStore blobs;
    @Inject
    AuditLog audit;
    @Inject
    ConsultConfig config;

    /** The bytes of an attachment and what to call them. */
    public record Download(AttachmentView attachment, InputStream content) {
    }

    /**
     * Stores an attachment sent by the requesting side or a case manager. {@code declaredType} (the request's
     * Content-Type) must agree with the bytes unless it is application/octet-stream; 415 otherwise.
     */
    @Transactional
    public AttachmentView add(CurrentUser user, UUID consultId, String kind, String filename, String declaredType,
                              InputStream body) {
        Consult c = mayAdd(user, consultId, kind);
        String k = kind == null ? "OTHER" : kind.toUpperCase();
        ConsultAttachment a = new ConsultAttachment();
        a.id = UuidV7.next();
        a.consultId = c.id;
        a.kind = k;
        a.filename = safeName(filename);
        a.uploadedBy = user.displayName();
        a.uploadedAt = Instant.now();
        store(a, declaredType, body);
        a.persist();
        audit.record(user.asActor(), c.hospitalId, "consult.attachment.add", Consults.target(c.id), Outcome.SUCCESS,
                a.kind + " " + a.filename + " (" + a.mediaType + ", " + a.size + " bytes)");
        return AttachmentView.of(a);
    }

    /**
     * The consult, when the caller may attach a file of this kind to it now (the requesting side or a case
     * manager, a consult not closed); asked before a resumable upload starts, and again when it completes.
     */
    @Transactional
    public Consult mayAdd(CurrentUser user, UUID consultId, String kind) {
        Consult c = consults.load(user, consultId, "consult.attachment.add");
        if (!visibility.mayEditRequest(user, c)) {
            throw consults.deny(user, c, "consult.attachment.add", "only the requesting hospital and case managers"
                    + " add attachments");
        }
        if (c.state.terminal()) {
            throw new ProblemException(ProblemType.ILLEGAL_TRANSITION, "A " + c.state + " consult takes no attachments");
        }
        String k = kind == null ? "OTHER" : kind.toUpperCase();
        if (!KINDS.contains(k)) {
            throw new ProblemException(ProblemType.VALIDATION, "kind: one of " + KINDS);
        }
        return c;
    }

    /** An attachment of a consult the caller may see; audited as a PHI read. */
    @Transactional
    public Download open(CurrentUser user, UUID consultId, UUID attachmentId) {
        Consult c = consults.load(user, consultId, "consult.attachment.read");
        ConsultAttachment a = ConsultAttachment.<ConsultAttachment>findByIdOptional(attachmentId)
                .filter(x -> x.consultId.equals(c.id))
                .orElseThrow(() -> ProblemException.notFound("Attachment " + attachmentId));
        audit.record(user.asActor(), c.hospitalId, "consult.attachment.read", Consults.target(c.id), Outcome.SUCCESS,
                a.id + " " + a.filename);
        try {
            return new Download(AttachmentView.of(a), blobs.open(a.blobKey));
        } catch (IOException e) {
            throw new UncheckedIOException("attachment " + a.id + " is missing from the blob store", e);
        }
    }

    private void store(ConsultAttachment a, String declaredType, InputStream body) {
        try (StagedBlob staged = blobs.stage()) {
            byte[] head = body.readNBytes(AttachmentType.SNIFF_LENGTH);
            AttachmentType type = AttachmentType.sniff(head).orElseThrow(() -> new ProblemException(
                    ProblemType.UNSUPPORTED_MEDIA_TYPE, "Attachments must be PDF, PNG or JPEG (附件须为PDF或图片)"));
            String declared = declaredType == null ? "" : declaredType.split(";")[0].strip().toLowerCase();
            if (!declared.isEmpty() && !declared.equals("application/octet-stream")
                    && !declared.equals(type.mediaType())) {
                throw new ProblemException(ProblemType.UNSUPPORTED_MEDIA_TYPE, "The content is " + type.mediaType()
                        + " but was sent as " + declared);
            }
            staged.output().write(head);
            copyCapped(body, staged, config.maxAttachment().asLongValue());
            a.mediaType = type.mediaType();
            a.size = staged.size();
            a.blobKey = blobs.commit(staged);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store attachment", e);
        }
    }

    private static void copyCapped(InputStream in, StagedBlob staged, long cap) throws IOException {
        byte[] buf = new byte[1 << 16];
        for (int n; (n = in.read(buf)) > 0; ) {
            if (staged.size() + n > cap) {
                throw new ProblemException(ProblemType.PAYLOAD_TOO_LARGE, "Attachments are limited to " + cap
                        + " bytes");
            }
            staged.output().write(buf, 0, n);
        }
    }

    /** Keeps the last path segment and printable characters; the name is only shown and offered on download. */
    private static String safeName(String filename) {
        String name = filename == null ? "" : filename.replaceAll(".*[/\\\\]", "").replaceAll("[\\p{Cntrl}\"]", "")
                .strip();
        if (name.isEmpty()) {
            return "attachment";
        }
        return name.length() > 255 ? name.substring(name.length() - 255) : name;
    }
}
