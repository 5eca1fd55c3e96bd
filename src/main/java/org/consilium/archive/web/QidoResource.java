package org.consilium.archive.web;

import io.quarkus.security.Authenticated;
import io.smallrye.common.annotation.Blocking;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.consilium.archive.store.QidoService;
import org.consilium.archive.store.QueryLevel;
import org.consilium.archive.store.ReturnKeys;
import org.consilium.archive.store.StudyQuery;
import org.consilium.audit.AuditLog;
import org.consilium.audit.Outcome;
import org.consilium.dicom.DicomException;
import org.consilium.dicom.data.Attributes;
import org.consilium.dicom.dict.ElementDictionary;
import org.consilium.dicom.dict.Tag;
import org.consilium.dicom.json.DicomJsonWriter;
import org.consilium.platform.ProblemException;
import org.consilium.platform.ProblemType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** QIDO-RS (PS3.18 10.6): search studies, series and instances the caller's hospital may see. */
@Path(DicomWebLinks.ROOT)
@Authenticated
@Blocking
@Produces({MediaTypes.DICOM_JSON, "application/json"})
public class QidoResource {

    private static final HexFormat TAG_HEX = HexFormat.of().withUpperCase();

    private static final int DEFAULT_LIMIT = 100;
    private static final int MAX_LIMIT = 1000;

    @Inject
    QidoService qido;
    @Inject
    DicomWebCaller caller;
    @Inject
    AuditLog audit;

    @GET
    @Path("/studies")
    @Operation(summary = "QIDO-RS: search for studies")
    public Response studies(@Context UriInfo uri) {
        return search(QueryLevel.STUDY, uri, Map.of(), false);
    }

    @GET
    @Path("/series")
    @Operation(summary = "QIDO-RS: search for series in all studies")
    public Response allSeries(@Context UriInfo uri) {
        return search(QueryLevel.SERIES, uri, Map.of(), true);
    }

    @GET
    @Path("/studies/{study}/series")
    @Operation(summary = "QIDO-RS: search for series of a study")
    public Response studySeries(@PathParam("study") String study, @Context UriInfo uri) {
        return search(QueryLevel.SERIES, uri, Map.of(Tag.StudyInstanceUID, study), false);
    }

    @GET
    @Path("/instances")
    @Operation(summary = "QIDO-RS: search for instances in all studies")
    public Response allInstances(@Context UriInfo uri) {
        return search(QueryLevel.IMAGE, uri, Map.of(), true);
    }

    @GET
    @Path("/studies/{study}/instances")
    @Operation(summary = "QIDO-RS: search for instances of a study")
    public Response studyInstances(@PathParam("study") String study, @Context UriInfo uri) {
        return search(QueryLevel.IMAGE, uri, Map.of(Tag.StudyInstanceUID, study), true);
    }

    @GET
    @Path("/studies/{study}/series/{series}/instances")
    @Operation(summary = "QIDO-RS: search for instances of a series")
    public Response seriesInstances(@PathParam("study") String study, @PathParam("series") String series,
                                    @Context UriInfo uri) {
        return search(QueryLevel.IMAGE, uri, Map.of(Tag.StudyInstanceUID, study, Tag.SeriesInstanceUID, series), false);
    }

    private Response search(QueryLevel level, UriInfo uri, Map<Integer, String> pathKeys, boolean withParents) {
        MultivaluedMap<String, String> params = uri.getQueryParameters();
        boolean fuzzy = "true".equalsIgnoreCase(params.getFirst("fuzzymatching"));
        StudyQuery query = new StudyQuery(level, caller.hospitalId(), fuzzy);
        ReturnKeys keys = new ReturnKeys(level, withParents);
        List<String> ignored = new ArrayList<>();
        Map<Integer, Attributes> sequenceItems = new LinkedHashMap<>();
        pathKeys.forEach(query::match);
        for (var e : params.entrySet()) {
            String name = e.getKey();
            switch (name) {
                case "fuzzymatching", "limit", "offset" -> { }
                case "includefield" -> e.getValue().forEach(v -> include(keys, v));
                default -> {
                    if (name.contains(".")) {
                        sequenceKey(sequenceItems, name, e.getValue().get(0));
                        continue;
                    }
                    int tag = tagOf(name);
                    keys.include(tag);
                    try {
                        if (!query.match(tag, e.getValue().get(0))) {
                            ignored.add(name);
                        }
                    } catch (IllegalArgumentException bad) {
                        throw new ProblemException(ProblemType.BAD_REQUEST, name + ": " + bad.getMessage());
                    }
                }
            }
        }
        for (var seq : sequenceItems.entrySet()) {
            keys.include(seq.getKey());
            if (!query.matchSequence(seq.getKey(), seq.getValue())) {
                ignored.add(TAG_HEX.toHexDigits(seq.getKey()));
            }
        }
        int limit = intParam(params.getFirst("limit"), DEFAULT_LIMIT, "limit");
        int offset = intParam(params.getFirst("offset"), 0, "offset");
        List<Attributes> matches = qido.find(query, keys, offset, Math.min(limit, MAX_LIMIT));
        audit.record(caller.actor(), caller.hospitalId(), "study.query", "qido:" + level.name().toLowerCase(),
                Outcome.SUCCESS, matches.size() + " matches for " + uri.getRequestUri().getRawPath()
                        + (uri.getRequestUri().getRawQuery() != null ? "?" + uri.getRequestUri().getRawQuery() : ""));
        if (matches.isEmpty()) {
            return Response.noContent().build();
        }
        Response.ResponseBuilder r = Response.ok((jakarta.ws.rs.core.StreamingOutput) out -> {
            DicomJsonWriter json = new DicomJsonWriter(out).beginArray(); // UTF-8
            try {
                for (Attributes a : matches) {
                    json.write(a);
                }
            } catch (DicomException e) {
                throw new java.io.IOException(e);
            }
            json.endArray().close(); // flushes; the response stream stays open
        }).type(MediaTypes.DICOM_JSON);
        if (!ignored.isEmpty()) {
            r.header("Warning", "299 consilium \"The following attributes are not matching keys and were ignored: "
                    + String.join(", ", ignored) + "\"");
        }
        return r.build();
    }

    private static void include(ReturnKeys keys, String value) {
        for (String v : value.split(",")) {
            if (v.trim().equalsIgnoreCase("all")) {
                keys.includeAll();
            } else if (!v.isBlank()) {
                keys.include(tagOf(v.trim()));
            }
        }
    }

    /** A keyword ("PatientName") or 8 hex digits ("00100010"). */
    /**
     * A sequence matching key as PS3.18 8.3.4.1 writes it, {@code 00400275.00401001=RP1}: the value goes
     * into the item of that sequence. One level of nesting, as C-FIND matches.
     */
    private static void sequenceKey(Map<Integer, Attributes> items, String name, String value) {
        String[] path = name.split("\\.");
        if (path.length != 2) {
            throw new ProblemException(ProblemType.BAD_REQUEST, name + ": only one sequence level can be matched");
        }
        int itemTag = tagOf(path[1]);
        items.computeIfAbsent(tagOf(path[0]), t -> new Attributes())
                .setString(itemTag, ElementDictionary.vrOf(itemTag), value);
    }

    static int tagOf(String name) {
        if (name.matches("[0-9A-Fa-f]{8}")) {
            return (int) Long.parseLong(name, 16);
        }
        int tag = ElementDictionary.tagOf(name);
        if (tag < 0) {
            throw new ProblemException(ProblemType.BAD_REQUEST, "unknown attribute or parameter: " + name);
        }
        return tag;
    }

    private static int intParam(String value, int fallback, String name) {
        if (value == null) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(value);
            if (n < 0) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new ProblemException(ProblemType.BAD_REQUEST, name + " must be a non-negative integer");
        }
    }
}
