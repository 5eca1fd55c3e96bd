package org.consilium.archive.upload;

import io.quarkus.security.Authenticated;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.OPTIONS;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;
import org.consilium.archive.ArchiveConfig;
import org.consilium.archive.UploadTarget;
import org.consilium.audit.AuditLog;
import org.consilium.audit.Outcome;
import org.consilium.identity.CurrentUser;
import org.consilium.identity.HospitalView;
import org.consilium.platform.ProblemException;
import org.consilium.platform.ProblemType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * The tus 1.0 server (https://tus.io/protocols/resumable-upload): core (HEAD, PATCH), creation (POST),
 * termination (DELETE) and expiration. An upload belongs to the user who created it, within their hospital;
 * anyone else is told it does not exist (audited). Its {@code purpose} metadata names the {@link UploadTarget}
 * that takes the completed file. Each completion is audited with the bytes received and in how many requests.
 */
@Path("/api/uploads")
@Authenticated
@Blocking
public class UploadResource {

    static final String TUS_VERSION = "1.0.0";
    static final String OFFSET_TYPE = "application/offset+octet-stream";
    static final String RESULT = "Consilium-Upload-Result";
    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

    @Inject
    CurrentUser user;
    @Inject
    UploadStore store;
    @Inject
    ArchiveConfig archive;
    @Inject
    Instance<UploadTarget> targets;
    @Inject
    AuditLog audit;

    @OPTIONS
    @Operation(summary = "tus: the protocol version, extensions and largest upload this server supports")
    public Response options() {
        return Response.noContent().header("Tus-Resumable", TUS_VERSION).header("Tus-Version", TUS_VERSION)
                .header("Tus-Extension", "creation,termination,expiration")
                .header("Tus-Max-Size", archive.upload().maxSize().asLongValue()).build();
    }

    @POST
    @Operation(summary = "tus creation: start a resumable upload",
            description = "Upload-Length is the file's size; Upload-Metadata (base64 pairs) must carry purpose "
                    + "(dicom: a DICOM Part 10 file for the caller's hospital's archive; attachment: a PDF, PNG or "
                    + "JPEG for the consult named by consultId, with kind) and filename. 201 with the upload's "
                    + "Location; 413 above the target's limit.")
    public Response create(@Parameter(example = "527362") @HeaderParam("Upload-Length") String lengthHeader,
                           @HeaderParam("Upload-Metadata") String metadataHeader, @Context UriInfo uri) throws IOException {
        long length = length(lengthHeader);
        Map<String, String> metadata;
        try {
            metadata = TusMetadata.parse(metadataHeader);
        } catch (IllegalArgumentException e) {
            throw new ProblemException(ProblemType.BAD_REQUEST, e.getMessage());
        }
        UploadTarget target = target(metadata.get("purpose"));
        UUID hospital = user.hospital().map(HospitalView::id)
                .orElseThrow(() -> new ProblemException(ProblemType.FORBIDDEN, "your account belongs to no hospital"));
        long max = Math.min(archive.upload().maxSize().asLongValue(), target.admit(user, metadata, length));
        if (length > max) {
            throw new ProblemException(ProblemType.PAYLOAD_TOO_LARGE, "a " + target.purpose() + " upload may carry at most "
                    + max + " bytes, not " + length);
        }
        Instant now = Instant.now();
        Upload u = new Upload(UUID.randomUUID().toString().replace("-", ""), user.id(), hospital, target.purpose(), length,
                metadata, now, now, 0, 0, List.of(), null);
        store.create(u);
        return tus(Response.created(uri.getAbsolutePathBuilder().path(u.id()).build()))
                .header("Upload-Expires", expires(u)).build();
    }

    @HEAD
    @Path("/{id}")
    @Operation(summary = "tus: how many bytes of the upload the server holds (Upload-Offset)")
    public Response offset(@PathParam("id") String id) throws IOException {
        Upload u = owned(id);
        long offset = store.offset(id);
        if (u.result() == null) {
            u = store.update(id, x -> x.resumed(offset));
        }
        Response.ResponseBuilder r = tus(Response.ok()).header("Upload-Offset", offset)
                .header("Upload-Length", u.length()).header("Upload-Metadata", TusMetadata.format(u.metadata()))
                .header("Upload-Expires", expires(u)).header("Cache-Control", "no-store");
        if (u.result() != null) {
            r.header(RESULT, u.result());
        }
        return r.build();
    }

    @PATCH
    @Path("/{id}")
    @Consumes(OFFSET_TYPE)
    @Operation(summary = "tus: append bytes at Upload-Offset",
            description = "409 when Upload-Offset is not the offset the server holds (ask with HEAD). The request "
                    + "that completes the file hands it to its target; Consilium-Upload-Result says what it became.")
    public Response append(@PathParam("id") String id,
                           @HeaderParam("Upload-Offset") String offsetHeader, InputStream body) throws IOException {
        Upload u = owned(id);
        ReentrantLock lock = store.lockForWriting(id).orElseThrow(() -> new ProblemException(ProblemType.CONFLICT,
                "another request is writing this upload now"));
        try {
            long offset = store.offset(id);
            long claimed = number(offsetHeader, "Upload-Offset");
            if (claimed != offset) {
                throw new ProblemException(ProblemType.CONFLICT, "Upload-Offset is " + claimed + ", the server holds "
                        + offset + " bytes");
            }
            UploadStore.Appended a = store.append(id, body, u.length() - offset);
            u = store.update(id, x -> x.written(a.bytes(), Instant.now()));
            if (a.cut() != null) {
                // the link dropped: the bytes that came are kept, and the client asks for the offset when it is back
                return tus(Response.noContent()).header("Upload-Offset", offset + a.bytes()).build();
            }
            if (a.tooLong()) {
                throw new ProblemException(ProblemType.BAD_REQUEST, "more bytes than Upload-Length " + u.length());
            }
            Response.ResponseBuilder r = tus(Response.noContent()).header("Upload-Offset", offset + a.bytes())
                    .header("Upload-Expires", expires(u));
            if (offset + a.bytes() == u.length() && u.result() == null) {
                u = complete(u);
                r.header(RESULT, u.result());
            }
            return r.build();
        } finally {
            lock.unlock();
        }
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "tus termination: abandon an upload and delete its bytes")
    public Response terminate(@PathParam("id") String id) throws IOException {
        owned(id);
        store.delete(id);
        return tus(Response.noContent()).build();
    }

    /** The whole file to its target; a refusal deletes the upload and answers with the target's problem. */
    private Upload complete(Upload u) throws IOException {
        String what;
        try (InputStream in = store.open(u.id())) {
            what = target(u.purpose()).complete(user, u.metadata(), u.id(), in);
        } catch (ProblemException e) {
            store.delete(u.id());
            audit.record(user.asActor(), u.hospitalId(), "upload.complete", "upload:" + u.id(), Outcome.FAILED,
                    describe(u) + ": " + e.getMessage());
            throw e;
        }
        String result = what;
        Upload done = store.update(u.id(), x -> x.completed(result));
        audit.record(user.asActor(), u.hospitalId(), "upload.complete", "upload:" + u.id(), Outcome.SUCCESS,
                describe(u) + " -> " + what);
        return done;
    }

    /** "CT0001.dcm (dicom): 34106 bytes, 34106 received in 2 requests, resumed at [16384]". */
    static String describe(Upload u) {
        return u.filename() + " (" + u.purpose() + "): " + u.length() + " bytes, " + u.received() + " received in "
                + u.requests() + " requests" + (u.resumedAt().isEmpty() ? "" : ", resumed at " + u.resumedAt());
    }

    private Upload owned(String id) throws IOException {
        Upload u = store.find(id).orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND, "no such upload"));
        if (!u.userId().equals(user.id())) {
            audit.record(user.asActor(), user.hospital().map(HospitalView::id).orElse(null), "upload.access",
                    "upload:" + id, Outcome.DENIED, "another user's upload");
            throw new ProblemException(ProblemType.NOT_FOUND, "no such upload");
        }
        return u;
    }

    private UploadTarget target(String purpose) {
        for (UploadTarget t : targets) {
            if (t.purpose().equals(purpose)) {
                return t;
            }
        }
        throw new ProblemException(ProblemType.VALIDATION, "Upload-Metadata: purpose must be one of "
                + targets.stream().map(UploadTarget::purpose).sorted().toList());
    }

    private static long length(String header) {
        if (header == null) {
            throw new ProblemException(ProblemType.BAD_REQUEST, "Upload-Length is required (deferred length is not supported)");
        }
        return number(header, "Upload-Length");
    }

    private static long number(String header, String name) {
        try {
            long n = Long.parseLong(header == null ? "" : header.trim());
            if (n >= 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw new ProblemException(ProblemType.BAD_REQUEST, name + " must be a non-negative integer");
    }

    private String expires(Upload u) {
        return HTTP_DATE.format(u.touchedAt().plus(archive.upload().expireAfter()));
    }

    private static Response.ResponseBuilder tus(Response.ResponseBuilder r) {
        return r.header("Tus-Resumable", TUS_VERSION);
    }
}
