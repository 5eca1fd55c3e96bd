package org.consilium.archive.store;

import io.opentelemetry.instrumentation.annotations.WithSpan;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import org.consilium.archive.IngestException;
import org.consilium.archive.BlobStore;
import org.consilium.archive.StagedBlob;
import org.consilium.archive.StudyArrived;
import org.consilium.archive.web.DicomWebLinks;
import org.consilium.audit.AuditLog;
import org.consilium.audit.Outcome;
import org.consilium.dicom.DicomException;
import org.consilium.dicom.Implementation;
import org.consilium.dicom.data.Attributes;
import org.consilium.dicom.dict.Tag;
import org.consilium.dicom.dict.VR;
import org.consilium.dicom.io.DicomFile;
import org.consilium.dicom.io.DicomReader;
import org.consilium.dicom.io.DicomWriter;
import org.consilium.dicom.json.DicomJsonWriter;
import org.jboss.logging.Logger;

/**
 * The one ingest pipeline behind C-STORE and STOW-RS: stream to a staged file and fsync it, parse the
 * header, commit the blob under its hash, then index it in one transaction. The sender hears "stored" only
 * after both; a crash before that leaves at most an unreferenced blob or a staging file, never an index row
 * without its bytes.
 */
@ApplicationScoped
public class Ingest {

    private static final Logger LOG = Logger.getLogger(Ingest.class);
    /** Values above this stay in the blob and are referenced by BulkDataURI in metadata. */
    private static final long BULK_THRESHOLD = 4096;

    @Inject
    BlobStore blobs;
    @Inject
    StudyIndex index;
    @Inject
    AuditLog audit;
    @Inject
    DicomWebLinks links;
    @Inject
    Event<StudyArrived> arrivals;
    @Inject
    IngestMeter meter;

    /** The result of storing one instance; {@code coercions} name the values the index could not take as sent. */
    public record Stored(String studyUid, String seriesUid, String sopClassUid, String sopInstanceUid,
                         StoreOutcome outcome, List<Coercion> coercions) {
    }

    /** Stores a Part 10 file (STOW-RS part, import). */
    @WithSpan("archive.ingest")
    public Stored storeFile(InputStream part10, IngestSource source) throws IngestException, IOException {
        long start = System.nanoTime();
        try (StagedBlob staged = stage()) {
            copy(part10, staged);
            return metered(commit(staged, null, source), staged, source, start);
        } catch (IngestException e) {
            meter.refused(source);
            throw e;
        }
    }

    /**
     * Stores a data set as a C-STORE delivers it (no File Meta), in the given transfer syntax. The File
     * Meta is written from the request, then the data set bytes stream straight from the association.
     */
    @WithSpan("archive.ingest")
    public Stored storeDataset(String sopClassUid, String sopInstanceUid, String transferSyntaxUid,
                               InputStream dataset, IngestSource source) throws IngestException, IOException {
        long start = System.nanoTime();
        try (StagedBlob staged = stage()) {
            Attributes meta = new Attributes(8);
            meta.setBytes(Tag.FileMetaInformationVersion, VR.OB, new byte[] {0, 1});
            meta.setString(Tag.MediaStorageSOPClassUID, VR.UI, sopClassUid);
            meta.setString(Tag.MediaStorageSOPInstanceUID, VR.UI, sopInstanceUid);
            meta.setString(Tag.TransferSyntaxUID, VR.UI, transferSyntaxUid);
            meta.setString(Tag.ImplementationClassUID, VR.UI, Implementation.CLASS_UID);
            meta.setString(Tag.ImplementationVersionName, VR.SH, Implementation.VERSION_NAME);
            if (source.sourceAe() != null) {
                meta.setString(Tag.SourceApplicationEntityTitle, VR.AE, source.sourceAe());
            }
            try {
                new DicomWriter().writeFileMetaInformation(staged.output(), null, meta);
            } catch (DicomException e) {
                throw new IngestException(IngestException.Reason.INVALID_ATTRIBUTE, e.getMessage(), e);
            } catch (IOException e) {
                throw outOfResources("blob store", e);
            }
            copy(dataset, staged);
            return metered(commit(staged, sopInstanceUid, source), staged, source, start);
        } catch (IngestException e) {
            meter.refused(source);
            throw e;
        }
    }

    private Stored metered(Stored stored, StagedBlob staged, IngestSource source, long start) {
        meter.stored(source, stored.outcome(), staged.size(), start);
        return stored;
    }

    private StagedBlob stage() throws IngestException {
        try {
            return blobs.stage();
        } catch (IOException e) {
            throw outOfResources("blob store", e);
        }
    }

    /**
     * Copies the sent bytes into the staged blob and makes them durable. A failure to read is the sender's
     * (an {@link IOException}); a failure to write or sync is ours ({@link IngestException.Reason#OUT_OF_RESOURCES}).
     */
    private static void copy(InputStream sent, StagedBlob staged) throws IOException, IngestException {
        OutputStream blob = staged.output();
        try {
            sent.transferTo(new OutputStream() { // transferTo, so that PDataInputStream writes PDVs straight through
                @Override
                public void write(int b) {
                    write(new byte[] {(byte) b}, 0, 1);
                }

                @Override
                public void write(byte[] b, int off, int len) {
                    try {
                        blob.write(b, off, len);
                    } catch (IOException e) {
                        throw new BlobWriteFailure(e);
                    }
                }
            });
        } catch (BlobWriteFailure e) {
            throw outOfResources("blob store", e.getCause());
        }
        try {
            staged.seal();
        } catch (IOException e) {
            throw outOfResources("blob store", e);
        }
    }

    /** A write to the blob store failed while the sender's bytes were being copied. */
    private static final class BlobWriteFailure extends UncheckedIOException {
        BlobWriteFailure(IOException cause) {
            super(cause);
        }
    }

    private Stored commit(StagedBlob staged, String expectedSopInstanceUid, IngestSource source)
            throws IngestException, IOException {
        DicomFile file = parse(staged);
        try {
            return index(staged, file, expectedSopInstanceUid, source);
        } catch (IngestException e) {
            throw e.about(file.dataset().getString(Tag.SOPClassUID), file.dataset().getString(Tag.SOPInstanceUID));
        } catch (RuntimeException e) {
            // A value none of the checks foresaw: refuse this instance as data, keep the association or request.
            LOG.errorf(e, "cannot index instance %s", file.dataset().getString(Tag.SOPInstanceUID));
            throw new IngestException(IngestException.Reason.CANNOT_UNDERSTAND, "cannot index: " + e, e)
                    .about(file.dataset().getString(Tag.SOPClassUID), file.dataset().getString(Tag.SOPInstanceUID));
        }
    }

    private Stored index(StagedBlob staged, DicomFile file, String expectedSopInstanceUid, IngestSource source)
            throws IngestException, IOException {
        Extracted extracted = extract(file, links);
        InstanceHeader h = extracted.header();
        if (expectedSopInstanceUid != null && !expectedSopInstanceUid.equals(h.sopInstanceUid())) {
            throw new IngestException(IngestException.Reason.UID_MISMATCH, "data set SOP Instance UID "
                    + h.sopInstanceUid() + " differs from the request's " + expectedSopInstanceUid)
                    .at(Tag.SOPInstanceUID);
        }
        StudyIndex.Documents docs = extracted.documents();
        String key;
        try {
            key = blobs.commit(staged);
        } catch (IOException e) {
            throw outOfResources("blob store", e);
        }
        StudyIndex.Indexed indexed;
        try {
            indexed = index.record(h, key, staged.size(), source, docs);
        } catch (SQLException e) {
            throw indexFailure(e);
        }
        for (Coercion c : h.coercions()) {
            LOG.warnf("instance %s from %s: %s", h.sopInstanceUid(), source.sourceAe() != null ? source.sourceAe()
                    : source.actor().id(), c.describe());
        }
        StoreOutcome outcome = indexed.outcome();
        if (indexed.newStudy()) {
            UUID owner = source.hospitalId();
            arrivals.fire(new StudyArrived(owner, h.studyUid(), h.patientId(), h.issuer(), h.accessionNumber()));
        }
        if (outcome == StoreOutcome.REPLACED) {
            audit.record(source.actor(), source.hospitalId(), "instance.replace", "instance:" + h.sopInstanceUid(),
                    Outcome.SUCCESS, "study " + h.studyUid() + "; new blob " + key);
        }
        return new Stored(h.studyUid(), h.seriesUid(), h.sopClassUid(), h.sopInstanceUid(), outcome, h.coercions());
    }

    private static DicomFile parse(StagedBlob staged) throws IngestException {
        try (InputStream content = staged.content()) {
            return parse(staged.file(), content, staged.size());
        } catch (IOException e) {
            throw outOfResources("reading the staged instance", e);
        }
    }

    /** Reads a stored file's header as ingest does; values above the bulk threshold stay in {@code file}. */
    static DicomFile parse(Path file, InputStream content, long size) throws IngestException, IOException {
        try {
            return new DicomReader(DicomReader.Options.DEFAULT.withBulkDataThreshold(BULK_THRESHOLD))
                    .readFile(file, content, size);
        } catch (DicomException e) {
            throw new IngestException(IngestException.Reason.NOT_DICOM, "cannot parse: " + e.getMessage(), e);
        }
    }

    /** What the index takes from one parsed instance: its header values and its JSON documents. */
    record Extracted(InstanceHeader header, StudyIndex.Documents documents) {
    }

    /**
     * Everything ingest computes from an instance before it writes anything (IngestFuzzTest drives this with
     * generated bytes): an {@link IngestException} is the only way it may fail.
     */
    static Extracted extract(DicomFile file, DicomWebLinks links) throws IngestException {
        InstanceHeader h = InstanceHeader.of(file.dataset(), file.transferSyntaxUid());
        return new Extracted(h, documents(h, links));
    }

    /**
     * PostgreSQL's SQLSTATE class 22 (data exception) means a value the index should have fitted and did not:
     * a problem with this instance, not worth a retry. Anything else (connection, pool, disk, deadlock) is
     * ours, and the sender may try again.
     */
    private static IngestException indexFailure(SQLException e) {
        if (e.getSQLState() != null && e.getSQLState().startsWith("22")) {
            LOG.errorf(e, "the index refused a value it should have fitted");
            return new IngestException(IngestException.Reason.CANNOT_UNDERSTAND, "index refused a value: "
                    + e.getMessage(), e);
        }
        return new IngestException(IngestException.Reason.OUT_OF_RESOURCES, "index unavailable: " + e.getMessage(), e);
    }

    private static IngestException outOfResources(String what, IOException e) {
        return new IngestException(IngestException.Reason.OUT_OF_RESOURCES, what + ": " + e.getMessage(), e);
    }

    private static StudyIndex.Documents documents(InstanceHeader h, DicomWebLinks links) throws IngestException {
        try {
            return new StudyIndex.Documents(
                    json(LevelAttributes.select(h.dataset(), LevelAttributes.STUDY), null),
                    json(LevelAttributes.select(h.dataset(), LevelAttributes.SERIES), null),
                    json(h.dataset(), links.bulkDataUris(h.studyUid(), h.seriesUid(), h.sopInstanceUid())));
        } catch (DicomException e) {
            throw new IngestException(IngestException.Reason.INVALID_ATTRIBUTE, e.getMessage(), e);
        }
    }

    private static String json(Attributes attrs, org.consilium.dicom.json.BulkDataUris uris) throws DicomException {
        StringWriter out = new StringWriter(1024);
        DicomJsonWriter w = new DicomJsonWriter(out);
        if (uris != null) {
            w = w.withBulkDataUris(uris, BULK_THRESHOLD);
        }
        w.write(attrs);
        w.flush();
        return out.toString();
    }
}
