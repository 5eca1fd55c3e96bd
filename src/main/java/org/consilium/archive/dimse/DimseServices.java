package org.consilium.archive.dimse;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.InputStream;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.consilium.archive.ArchiveConfig;
import org.consilium.archive.BlobStore;
import org.consilium.archive.store.Coercion;
import org.consilium.archive.store.Ingest;
import org.consilium.archive.IngestException;
import org.consilium.archive.store.IngestSource;
import org.consilium.archive.store.InstanceLocator;
import org.consilium.archive.store.PatientRollup;
import org.consilium.archive.store.QidoService;
import org.consilium.archive.store.QueryLevel;
import org.consilium.archive.store.ReturnKeys;
import org.consilium.archive.store.StoredInstance;
import org.consilium.archive.store.StudyQuery;
import org.consilium.audit.AuditActor;
import org.consilium.audit.AuditLog;
import org.consilium.audit.Outcome;
import org.consilium.dicom.DicomException;
import org.consilium.dicom.data.Attributes;
import org.consilium.dicom.data.Sequence;
import org.consilium.dicom.dict.ElementDictionary;
import org.consilium.dicom.dict.Tag;
import org.consilium.dicom.dict.UID;
import org.consilium.dicom.dict.VR;
import org.consilium.dicom.net.association.AssociationInfo;
import org.consilium.dicom.net.association.ConnectOptions;
import org.consilium.dicom.net.dimse.FindRequest;
import org.consilium.dicom.net.dimse.FindResponder;
import org.consilium.dicom.net.dimse.GetResponder;
import org.consilium.dicom.net.dimse.RetrieveRequest;
import org.consilium.dicom.net.dimse.Status;
import org.consilium.dicom.net.dimse.StoreRequest;
import org.consilium.dicom.net.dimse.StoreScu;
import org.consilium.dicom.net.dimse.SubOperations;

/**
 * C-STORE, C-FIND, C-MOVE and C-GET on top of the archive, for the AE attached to each association.
 * The same ingest, query and access rule serve DICOMweb.
 */
@ApplicationScoped
public class DimseServices {

    /** PS3.7 C.5: refused, not authorized. */
    private static final int NOT_AUTHORIZED = 0x0124;

    @Inject
    Ingest ingest;
    @Inject
    QidoService qido;
    @Inject
    InstanceLocator locator;
    @Inject
    BlobStore blobs;
    @Inject
    AeRegistry peers;
    @Inject
    AuditLog audit;
    @Inject
    ArchiveConfig config;
    @Inject
    Tracer tracer;

    /** One C-STORE, traced as span {@code C-STORE} (the DIMSE peer of STOW-RS's HTTP span). */
    Status store(AssociationInfo assoc, StoreRequest rq, InputStream dataSet) throws Exception {
        Span span = tracer.spanBuilder("C-STORE").setSpanKind(SpanKind.SERVER)
                .setAttribute("dicom.calling_ae", assoc.callingAe())
                .setAttribute("dicom.sop_class_uid", rq.sopClassUid()).startSpan();
        try (Scope ignored = span.makeCurrent()) {
            Status status = storeTraced(assoc, rq, dataSet);
            span.setAttribute("dicom.status", status.code());
            return status;
        } catch (Exception e) {
            span.recordException(e);
            span.setStatus(StatusCode.ERROR);
            throw e;
        } finally {
            span.end();
        }
    }

    private Status storeTraced(AssociationInfo assoc, StoreRequest rq, InputStream dataSet) throws Exception {
        AeEntry ae = assoc.attachment(AeEntry.class);
        if (!ae.mayStore()) {
            return Status.of(NOT_AUTHORIZED, ae.aeTitle() + " may not store");
        }
        try {
            Ingest.Stored s = ingest.storeDataset(rq.sopClassUid(), rq.sopInstanceUid(), rq.transferSyntaxUid(),
                    dataSet, new IngestSource(ae.hospitalId(), ae.aeTitle(), actor(ae)));
            return coerced(s.coercions());
        } catch (IngestException e) {
            Status refused = Status.of(e.reason().dimseStatus(), e.errorComment());
            return e.tag() == DicomException.NO_TAG ? refused : refused.about(e.tag());
        }
    }

    Status find(AssociationInfo assoc, FindRequest rq, Attributes keys, FindResponder out) throws Exception {
        AeEntry ae = assoc.attachment(AeEntry.class);
        if (!ae.mayQuery()) {
            return Status.of(NOT_AUTHORIZED, ae.aeTitle() + " may not query");
        }
        String requested = keys.getString(Tag.QueryRetrieveLevel, "");
        boolean patientLevel = requested.equals("PATIENT") && UID.PatientRootQueryRetrieveInformationModelFind.equals(rq.sopClassUid());
        QueryLevel level = patientLevel ? QueryLevel.STUDY : level(keys);
        if (level == null) {
            return Status.of(Status.IDENTIFIER_DOES_NOT_MATCH_SOP_CLASS, "unsupported QueryRetrieveLevel");
        }
        StudyQuery query = query(keys, level, ae);
        ReturnKeys returnKeys = new ReturnKeys(level, false);
        returnKeys.includeAll();
        List<Attributes> matches = qido.find(query, returnKeys, 0, Integer.MAX_VALUE);
        if (patientLevel) {
            matches = PatientRollup.of(matches);
        }
        audit.record(actor(ae), ae.hospitalId(), "study.query", "c-find:" + requested.toLowerCase(),
                Outcome.SUCCESS, matches.size() + " matches");
        for (Attributes m : matches) {
            if (!out.pending(answer(keys, m))) {
                break;
            }
        }
        return Status.OK;
    }

    Status move(AssociationInfo assoc, RetrieveRequest rq, Attributes keys, SubOperations progress) throws Exception {
        AeEntry ae = assoc.attachment(AeEntry.class);
        AeEntry dest = peers.byTitle(rq.moveDestination()).filter(AeEntry::mayReceive).orElse(null);
        if (dest == null || !dest.hospitalId().equals(ae.hospitalId())) {
            return Status.of(Status.MOVE_DESTINATION_UNKNOWN, "unknown destination " + rq.moveDestination());
        }
        List<StoredInstance> found = retrieve(ae, keys);
        if (found == null) {
            return Status.of(NOT_AUTHORIZED, ae.aeTitle() + " may not retrieve");
        }
        progress.remaining(found.size());
        if (found.isEmpty()) {
            return Status.OK;
        }
        List<java.nio.file.Path> files = found.stream().map(si -> blobs.path(si.blobKey())).toList();
        try (StoreScu scu = StoreScu.open(ConnectOptions.of(dest.host(), dest.port(), config.aeTitle(), dest.aeTitle()), files)) {
            for (int i = 0; i < files.size(); i++) {
                Status s = scu.store(files.get(i), progress.originatorAe(), progress.messageId());
                if (!progress.record(found.get(i).sopInstanceUid(), s)) {
                    break;
                }
            }
        }
        return Status.OK;
    }

    Status get(AssociationInfo assoc, RetrieveRequest rq, Attributes keys, GetResponder out) throws Exception {
        AeEntry ae = assoc.attachment(AeEntry.class);
        List<StoredInstance> found = retrieve(ae, keys);
        if (found == null) {
            return Status.of(NOT_AUTHORIZED, ae.aeTitle() + " may not retrieve");
        }
        out.remaining(found.size());
        for (StoredInstance si : found) {
            out.store(blobs.path(si.blobKey()));
            if (out.cancelled()) {
                break;
            }
        }
        return Status.OK;
    }

    /** The instances a retrieve names, within the AE's hospital's studies; null when it may not retrieve. */
    private List<StoredInstance> retrieve(AeEntry ae, Attributes keys) {
        if (!ae.mayQuery()) {
            return null;
        }
        List<StoredInstance> found = locator.find(query(keys, QueryLevel.IMAGE, ae));
        Set<String> studies = new LinkedHashSet<>();
        found.forEach(si -> studies.add(si.studyUid()));
        for (String study : studies) {
            audit.record(actor(ae), ae.hospitalId(), "study.read", "study:" + study, Outcome.SUCCESS, "DIMSE retrieve");
        }
        return found;
    }

    private static StudyQuery query(Attributes keys, QueryLevel level, AeEntry ae) {
        StudyQuery query = new StudyQuery(level, ae.hospitalId(), false);
        for (int i = 0; i < keys.size(); i++) {
            int tag = keys.tagAt(i);
            if (keys.valueAt(i) instanceof Sequence seq) {
                query.matchSequence(tag, seq.isEmpty() ? null : seq.get(0));
            } else if (tag != Tag.QueryRetrieveLevel && tag != Tag.SpecificCharacterSet) {
                String[] values = keys.stringsAt(i);
                query.match(tag, values == null || values.length == 0 ? null : String.join("\\", values));
            }
        }
        return query;
    }

    /** The requested keys, filled from the match (PS3.4 C.4.1.2.3: only what was asked, plus the level). */
    private static Attributes answer(Attributes keys, Attributes match) {
        Attributes a = new Attributes(keys.size() + 2);
        a.setString(Tag.SpecificCharacterSet, VR.CS, "ISO_IR 192");
        for (int i = 0; i < keys.size(); i++) {
            int tag = keys.tagAt(i);
            if (tag == Tag.SpecificCharacterSet) {
                continue;
            }
            if (keys.valueAt(i) instanceof Sequence asked) {
                answerSequence(a, tag, asked, match.getValue(tag) instanceof Sequence held ? held : null);
                continue;
            }
            if (match.contains(tag)) {
                a.setValue(tag, match.vrOf(tag), match.getValue(tag));
            } else {
                a.setValue(tag, keys.vrAt(i), keys.valueAt(i) instanceof String[] ? new String[0] : new byte[0]);
            }
        }
        a.setString(Tag.QueryRetrieveLevel, VR.CS, keys.getString(Tag.QueryRetrieveLevel, ""));
        return a;
    }

    /**
     * A sequence key's answer: the stored items with the keys the query's item asked for (all of them for
     * an empty item; zero length when an item lacks one), or an empty sequence when nothing is stored
     * (PS3.4 C.2.2.1.3).
     */
    private static void answerSequence(Attributes answer, int tag, Sequence asked, Sequence held) {
        Sequence out = answer.newSequence(tag);
        Attributes wanted = asked.isEmpty() ? null : asked.get(0);
        for (Attributes item : held == null ? List.<Attributes>of() : held) {
            Attributes copy = out.addItem();
            for (int k = 0; k < item.size(); k++) {
                int t = item.tagAt(k);
                if (wanted == null || wanted.isEmpty() || wanted.contains(t)) {
                    copy.setValue(t, item.vrAt(k), item.valueAt(k));
                }
            }
            for (int k = 0; wanted != null && k < wanted.size(); k++) {
                if (!copy.contains(wanted.tagAt(k))) { // asked for but not stored: zero length
                    copy.setValue(wanted.tagAt(k), wanted.vrAt(k),
                            wanted.valueAt(k) instanceof String[] ? new String[0] : new byte[0]);
                }
            }
        }
    }

    private static QueryLevel level(Attributes keys) {
        return switch (keys.getString(Tag.QueryRetrieveLevel, "")) {
            case "STUDY" -> QueryLevel.STUDY;
            case "SERIES" -> QueryLevel.SERIES;
            case "IMAGE" -> QueryLevel.IMAGE;
            default -> null;
        };
    }

    private static AuditActor actor(AeEntry ae) {
        return new AuditActor("ae:" + ae.aeTitle(), ae.aeTitle());
    }

    /**
     * PS3.4 B.2.3: B000 when the archive coerced data elements (here: in its index only; the object is kept as
     * sent), naming them in Offending Element and, as far as 64 characters go, in the Error Comment.
     */
    private static Status coerced(List<Coercion> coercions) {
        if (coercions.isEmpty()) {
            return Status.OK;
        }
        String comment = "index coerced " + coercions.stream().map(c -> {
            String keyword = ElementDictionary.keywordOf(c.tag());
            return keyword == null || keyword.isEmpty() ? Tag.toString(c.tag()) : keyword;
        }).collect(Collectors.joining(", "));
        return Status.of(Status.WARNING_COERCION, comment)
                .about(coercions.stream().mapToInt(Coercion::tag).toArray());
    }
}
