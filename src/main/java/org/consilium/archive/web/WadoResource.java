package org.consilium.archive.web;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.security.Authenticated;
import io.smallrye.common.annotation.Blocking;
import io.vertx.core.http.HttpServerResponse;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.consilium.archive.BlobStore;
import org.consilium.archive.StudyAccess;
import org.consilium.archive.store.InstanceLocator;
import org.consilium.archive.store.StoredInstance;
import org.consilium.audit.AuditLog;
import org.consilium.audit.Outcome;
import org.consilium.dicom.DicomException;
import org.consilium.dicom.data.BulkData;
import org.consilium.dicom.io.DicomReader;
import org.consilium.platform.ProblemException;
import org.consilium.platform.ProblemType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * WADO-RS (PS3.18 10.4): instances as multipart/related application/dicom, metadata as DICOM JSON
 * straight from the index, frames and bulk data cut from the stored files. Instances are returned in
 * their stored transfer syntax.
 */
@Path(DicomWebLinks.ROOT)
@Authenticated
@Blocking
public class WadoResource {

    /** {@code consilium_wado_bytes_total}: bytes of instances, frames and bulk data sent over WADO-RS. */
    private final Counter wadoBytes;

    WadoResource(MeterRegistry registry) {
        this.wadoBytes = Counter.builder("consilium.wado.bytes").baseUnit("bytes")
                .description("bytes of instances, frames and bulk data sent over WADO-RS").register(registry);
    }

    /**
     * Bytes the event loop may hold for one retrieve before the writing thread waits: large enough that
     * reading the next files overlaps with sending (Vert.x's default, 64 KiB, makes the two take turns).
     */
    private static final int WRITE_QUEUE = 8 << 20;

    @Inject
    InstanceLocator locator;
    @Inject
    StudyAccess access;
    @Inject
    BlobStore blobs;
    @Inject
    DicomWebCaller caller;
    @Inject
    AuditLog audit;

    @GET
    @Path("/studies/{study}")
    @Operation(summary = "WADO-RS: retrieve a study")
    public Response study(@PathParam("study") String study, @Context HttpServerResponse http) {
        return instances(study, null, null, http);
    }

    @GET
    @Path("/studies/{study}/series/{series}")
    @Operation(summary = "WADO-RS: retrieve a series")
    public Response series(@PathParam("study") String study, @PathParam("series") String series,
                           @Context HttpServerResponse http) {
        return instances(study, series, null, http);
    }

    @GET
    @Path("/studies/{study}/series/{series}/instances/{instance}")
    @Operation(summary = "WADO-RS: retrieve an instance")
    public Response instance(@PathParam("study") String study, @PathParam("series") String series,
                             @PathParam("instance") String instance, @Context HttpServerResponse http) {
        return instances(study, series, instance, http);
    }

    @GET
    @Path("/studies/{study}/metadata")
    @Operation(summary = "WADO-RS: metadata of a study")
    public Response studyMetadata(@PathParam("study") String study) {
        return metadata(study, null, null);
    }

    @GET
    @Path("/studies/{study}/series/{series}/metadata")
    @Operation(summary = "WADO-RS: metadata of a series")
    public Response seriesMetadata(@PathParam("study") String study, @PathParam("series") String series) {
        return metadata(study, series, null);
    }

    @GET
    @Path("/studies/{study}/series/{series}/instances/{instance}/metadata")
    @Operation(summary = "WADO-RS: metadata of an instance")
    public Response instanceMetadata(@PathParam("study") String study, @PathParam("series") String series,
                                     @PathParam("instance") String instance) {
        return metadata(study, series, instance);
    }

    @GET
    @Path("/studies/{study}/series/{series}/instances/{instance}/frames/{frames}")
    @Operation(summary = "WADO-RS: frames of an instance, 1-based, comma separated")
    public Response frames(@PathParam("study") String study, @PathParam("series") String series,
                           @PathParam("instance") String instance, @PathParam("frames") String frameList) {
        StoredInstance si = single(study, series, instance, "frames");
        List<Integer> numbers = parseFrames(frameList);
        PixelFrames frames;
        try {
            frames = PixelFrames.of(blobs.path(si.blobKey()));
        } catch (IOException | DicomException e) {
            throw new ProblemException(ProblemType.NOT_ACCEPTABLE, "cannot cut frames: " + e.getMessage());
        }
        for (int n : numbers) {
            if (n < 1 || n > frames.count()) {
                throw new ProblemException(ProblemType.NOT_FOUND, "frame " + n + " (instance has " + frames.count() + ")");
            }
        }
        String partType = MediaTypes.OCTET_STREAM + "; transfer-syntax=" + si.transferSyntax();
        return multipart(partType, mp -> {
            for (int n : numbers) {
                frames.write(n, mp.part(partType, null));
            }
        });
    }

    @GET
    @Path("/studies/{study}/series/{series}/instances/{instance}/bulk/{tag}")
    @Operation(summary = "WADO-RS: a bulk data value of an instance, as linked from its metadata")
    public Response bulk(@PathParam("study") String study, @PathParam("series") String series,
                         @PathParam("instance") String instance, @PathParam("tag") String tagHex) {
        StoredInstance si = single(study, series, instance, "bulk");
        int tag = QidoResource.tagOf(tagHex);
        Object value;
        try {
            value = new DicomReader(DicomReader.Options.DEFAULT.withBulkDataThreshold(0))
                    .readFile(blobs.path(si.blobKey())).dataset().getValue(tag);
        } catch (IOException | DicomException e) {
            throw new ProblemException(ProblemType.INTERNAL, "cannot read stored instance: " + e.getMessage());
        }
        if (value instanceof org.consilium.dicom.data.Fragments) {
            return frames(study, series, instance, "1");
        }
        if (!(value instanceof BulkData) && !(value instanceof byte[])) {
            throw ProblemException.notFound("Bulk data " + tagHex);
        }
        return multipart(MediaTypes.OCTET_STREAM, mp -> {
            var out = mp.part(MediaTypes.OCTET_STREAM, null);
            if (value instanceof byte[] b) {
                out.write(b);
            } else {
                try (InputStream in = ((BulkData) value).openStream()) {
                    in.transferTo(out);
                }
            }
        });
    }

    private Response instances(String study, String series, String instance, HttpServerResponse http) {
        List<StoredInstance> found = visible(study, series, instance, "retrieve");
        http.setWriteQueueMaxSize(WRITE_QUEUE);
        return multipart(MediaTypes.DICOM, mp -> {
            for (StoredInstance si : found) {
                try (InputStream in = blobs.open(si.blobKey())) {
                    in.transferTo(mp.part(MediaTypes.DICOM + "; transfer-syntax=" + si.transferSyntax(), null));
                }
            }
        });
    }

    private Response metadata(String study, String series, String instance) {
        visible(study, series, instance, "metadata");
        StreamingOutput body = out -> {
            var writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            locator.writeMetadata(study, series, instance, writer);
            writer.flush();
        };
        return Response.ok(body).type(MediaTypes.DICOM_JSON).build();
    }

    private StoredInstance single(String study, String series, String instance, String kind) {
        return visible(study, series, instance, kind).get(0);
    }

    /** The matching instances, or 404 when there are none or the caller's hospital may not see the study. */
    private List<StoredInstance> visible(String study, String series, String instance, String kind) {
        if (!access.maySee(caller.hospitalId(), study)) {
            audit.record(caller.actor(), caller.hospitalId(), "study.read", "study:" + study, Outcome.DENIED, kind);
            throw ProblemException.notFound("Study " + study);
        }
        List<StoredInstance> found = locator.find(study, series, instance);
        if (found.isEmpty()) {
            throw ProblemException.notFound(instance != null ? "Instance " + instance : series != null
                    ? "Series " + series : "Study " + study);
        }
        audit.record(caller.actor(), caller.hospitalId(), "study.read", "study:" + study, Outcome.SUCCESS,
                kind + (series != null ? " series " + series : "") + (instance != null ? " instance " + instance : ""));
        return found;
    }

    private static List<Integer> parseFrames(String list) {
        List<Integer> numbers = new ArrayList<>();
        for (String s : list.split(",")) {
            try {
                numbers.add(Integer.parseInt(s.trim()));
            } catch (NumberFormatException e) {
                throw new ProblemException(ProblemType.BAD_REQUEST, "frame numbers are integers: " + list);
            }
        }
        return numbers;
    }

    private interface PartsBody {
        void write(MultipartRelatedWriter mp) throws IOException;
    }

    private Response multipart(String partType, PartsBody parts) {
        MultipartRelatedWriter mp = new MultipartRelatedWriter();
        StreamingOutput body = out -> {
            parts.write(mp.bind(new CountingOutputStream(out, wadoBytes)));
            mp.finish();
        };
        return Response.ok(body).header("Content-Type", mp.contentType(partType)).build();
    }

    /** Counts what passes through into the WADO byte counter. */
    private static final class CountingOutputStream extends java.io.FilterOutputStream {
        private final Counter counter;

        CountingOutputStream(OutputStream out, Counter counter) {
            super(out);
            this.counter = counter;
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            counter.increment();
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            counter.increment(len);
        }
    }
}
