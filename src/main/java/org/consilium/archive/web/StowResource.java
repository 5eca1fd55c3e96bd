package org.consilium.archive.web;

import io.quarkus.security.Authenticated;
import io.smallrye.common.annotation.Blocking;
import jakarta.inject.Inject;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.consilium.archive.store.Coercion;
import org.consilium.archive.store.Ingest;
import org.consilium.archive.IngestException;
import org.consilium.archive.store.IngestSource;
import org.consilium.audit.AuditLog;
import org.consilium.audit.Outcome;
import org.consilium.dicom.DicomException;
import org.consilium.dicom.data.Attributes;
import org.consilium.dicom.data.Sequence;
import org.consilium.dicom.dict.Tag;
import org.consilium.dicom.dict.VR;
import org.consilium.dicom.json.DicomJsonWriter;
import org.consilium.dicom.net.dimse.Status;
import org.consilium.platform.ProblemException;
import org.consilium.platform.ProblemType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** STOW-RS (PS3.18 10.5): store instances sent as multipart/related; type="application/dicom". */
@Path(DicomWebLinks.ROOT)
@Authenticated
@Blocking
public class StowResource {

    private static final Logger LOG = Logger.getLogger(StowResource.class);

    @Inject
    Ingest ingest;
    @Inject
    DicomWebCaller caller;
    @Inject
    DicomWebLinks links;
    @Inject
    AuditLog audit;

    @POST
    @Path("/studies")
    @Operation(summary = "STOW-RS: store instances")
    public Response store(@HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, InputStream body) {
        return stow(contentType, body, null);
    }

    @POST
    @Path("/studies/{study}")
    @Operation(summary = "STOW-RS: store instances into one study")
    public Response storeIntoStudy(@PathParam("study") String studyUid,
                                   @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, InputStream body) {
        return stow(contentType, body, studyUid);
    }

    private Response stow(String contentType, InputStream body, String requiredStudy) {
        String boundary = MediaTypes.parameter(contentType, "boundary");
        String type = MediaTypes.parameter(contentType, "type");
        if (!MediaTypes.MULTIPART_RELATED.equals(MediaTypes.base(contentType)) || boundary == null
                || (type != null && !MediaTypes.DICOM.equalsIgnoreCase(type))) {
            throw new ProblemException(ProblemType.UNSUPPORTED_MEDIA_TYPE,
                    "send multipart/related; type=\"application/dicom\"; boundary=...");
        }
        IngestSource source = caller.asSource();
        StowReport report = new StowReport(links);
        MultipartRelatedReader parts = new MultipartRelatedReader(body, boundary);
        try {
            while (parts.next()) {
                String partType = MediaTypes.base(parts.headers().getOrDefault("content-type", MediaTypes.DICOM));
                if (!MediaTypes.DICOM.equals(partType)) {
                    report.failed(null, null, 0x0122, "part type " + partType + " is not application/dicom");
                    continue;
                }
                storePart(parts.body(), source, requiredStudy, report);
            }
        } catch (MultipartRelatedReader.MalformedMultipartException e) {
            throw new ProblemException(ProblemType.BAD_REQUEST, "malformed multipart body: " + e.getMessage());
        } catch (IOException e) {
            throw new ProblemException(ProblemType.BAD_REQUEST, "upload interrupted: " + e.getMessage());
        }
        audit.record(source.actor(), source.hospitalId(), "study.store", "stow", report.anyFailed() ? Outcome.FAILED
                : Outcome.SUCCESS, report.summary());
        LOG.infof("STOW-RS: %s", report.summary());
        return Response.status(report.status()).type(MediaTypes.DICOM_JSON).entity(report.json()).build();
    }

    private void storePart(InputStream part, IngestSource source, String requiredStudy, StowReport report)
            throws IOException {
        try {
            Ingest.Stored s = ingest.storeFile(part, source);
            if (requiredStudy != null && !requiredStudy.equals(s.studyUid())) {
                // Stored already (it is valid), but PS3.18 10.5.3 asks us to report the mismatch.
                report.warning(s, Status.WARNING_DATA_SET_MISMATCH, "stored in study " + s.studyUid()
                        + ", not in " + requiredStudy);
            } else if (!s.coercions().isEmpty()) {
                report.warning(s, Status.WARNING_COERCION, s.coercions().stream().map(Coercion::describe)
                        .collect(Collectors.joining("\n")));
            } else {
                report.stored(s);
            }
        } catch (IngestException e) {
            report.failed(e.sopClassUid(), e.sopInstanceUid(), e.reason().stowFailureReason(), e.getMessage());
        }
    }

    /** The STOW-RS response body (PS3.18 Table 10.5.3-3) and status. */
    static final class StowReport {
        private final DicomWebLinks links;
        private final Attributes body = new Attributes();
        private Sequence referenced;
        private Sequence failed;
        private int storedCount;
        private int failedCount;
        private int warnings;

        StowReport(DicomWebLinks links) {
            this.links = links;
        }

        void stored(Ingest.Stored s) {
            storedCount++;
            if (referenced == null) {
                referenced = body.newSequence(Tag.ReferencedSOPSequence);
            }
            Attributes item = new Attributes();
            item.setString(Tag.ReferencedSOPClassUID, VR.UI, s.sopClassUid());
            item.setString(Tag.ReferencedSOPInstanceUID, VR.UI, s.sopInstanceUid());
            item.setString(Tag.RetrieveURL, VR.UR, links.instance(s.studyUid(), s.seriesUid(), s.sopInstanceUid()));
            referenced.add(item);
        }

        /** Stored with a warning (PS3.18 Table 10.5.3-3 Warning Reason); {@code detail} one line per cause. */
        void warning(Ingest.Stored s, int reason, String detail) {
            stored(s);
            warnings++;
            Attributes item = referenced.get(referenced.size() - 1);
            item.setInt(Tag.WarningReason, VR.US, reason);
            item.setString(Tag.TextValue, VR.LT, detail);
        }

        void failed(String sopClass, String sopInstance, int reason, String comment) {
            failedCount++;
            if (failed == null) {
                failed = body.newSequence(Tag.FailedSOPSequence);
            }
            Attributes item = new Attributes();
            if (sopClass != null) {
                item.setString(Tag.ReferencedSOPClassUID, VR.UI, sopClass);
            }
            if (sopInstance != null) {
                item.setString(Tag.ReferencedSOPInstanceUID, VR.UI, sopInstance);
            }
            item.setInt(Tag.FailureReason, VR.US, reason);
            item.setString(Tag.TextValue, VR.LT, comment);
            failed.add(item);
        }

        boolean anyFailed() {
            return failedCount > 0;
        }

        int status() {
            if (failedCount == 0 && storedCount == 0) {
                return 400;
            }
            if (failedCount == 0) {
                return warnings > 0 ? 202 : 200;
            }
            return storedCount == 0 ? 409 : 202;
        }

        String summary() {
            return storedCount + " stored, " + failedCount + " failed";
        }

        String json() {
            StringWriter out = new StringWriter();
            try {
                DicomJsonWriter w = new DicomJsonWriter(out);
                w.write(body);
                w.flush();
            } catch (DicomException e) {
                throw new IllegalStateException("cannot encode the STOW response", e);
            }
            return out.toString();
        }
    }
}
