package org.consilium.archive;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.sql.SQLException;
import java.util.UUID;
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

/**
 * The one ingest pipeline behind C-STORE and STOW-RS: stream to a staged file and fsync it, parse the
 * header, commit the blob under its hash, then index it in one transaction. The sender hears "stored" only
 * after both; a crash before that leaves at most an unreferenced blob or a staging file, never an index row
 * without its bytes.
 */
@ApplicationScoped
public class Ingest {

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

    /** The result of storing one instance. */
    public record Stored(String studyUid, String seriesUid, String sopClassUid, String sopInstanceUid,
                         StoreOutcome outcome) {
    }

    /** Stores a Part 10 file (STOW-RS part, import). */
    public Stored storeFile(InputStream part10, IngestSource source) throws IngestException, IOException {
        try (StagedBlob staged = blobs.stage()) {
            part10.transferTo(staged.output());
            staged.seal();
            return commit(staged, null, source);
        }
    }

    /**
     * Stores a data set as a C-STORE delivers it (no File Meta), in the given transfer syntax. The File
     * Meta is written from the request, then the data set bytes stream straight from the association.
     */
    public Stored storeDataset(String sopClassUid, String sopInstanceUid, String transferSyntaxUid,
                               InputStream dataset, IngestSource source) throws IngestException, IOException {
        try (StagedBlob staged = blobs.stage()) {
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
            }
            dataset.transferTo(staged.output());
            staged.seal();
            return commit(staged, sopInstanceUid, source);
        }
    }

    private Stored commit(StagedBlob staged, String expectedSopInstanceUid, IngestSource source)
            throws IngestException, IOException {
        DicomFile file = parse(staged);
        try {
            return index(staged, file, expectedSopInstanceUid, source);
        } catch (IngestException e) {
            throw e.about(file.dataset().getString(Tag.SOPClassUID), file.dataset().getString(Tag.SOPInstanceUID));
        }
    }

    private Stored index(StagedBlob staged, DicomFile file, String expectedSopInstanceUid, IngestSource source)
            throws IngestException, IOException {
        InstanceHeader h = InstanceHeader.of(file.dataset(), file.transferSyntaxUid());
        if (expectedSopInstanceUid != null && !expectedSopInstanceUid.equals(h.sopInstanceUid())) {
            throw new IngestException(IngestException.Reason.UID_MISMATCH, "data set SOP Instance UID "
                    + h.sopInstanceUid() + " differs from the request's " + expectedSopInstanceUid);
        }
        StudyIndex.Documents docs = documents(h);
        String key;
        try {
            key = blobs.commit(staged);
        } catch (IOException e) { // disk full, object store refused: nothing indexed, the sender may retry
            throw new IngestException(IngestException.Reason.OUT_OF_RESOURCES, "blob store unavailable: " + e.getMessage(), e);
        }
        StudyIndex.Indexed indexed;
        try {
            indexed = index.record(h, key, staged.size(), source, docs);
        } catch (SQLException e) {
            throw new IngestException(IngestException.Reason.OUT_OF_RESOURCES, "index unavailable: " + e.getMessage(), e);
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
        return new Stored(h.studyUid(), h.seriesUid(), h.sopClassUid(), h.sopInstanceUid(), outcome);
    }

    private static DicomFile parse(StagedBlob staged) throws IngestException, IOException {
        try (InputStream content = staged.content()) {
            return new DicomReader(DicomReader.Options.DEFAULT.withBulkDataThreshold(BULK_THRESHOLD))
                    .readFile(staged.file(), content, staged.size());
        } catch (DicomException e) {
            throw new IngestException(IngestException.Reason.NOT_DICOM, "cannot parse: " + e.getMessage(), e);
        }
    }

    private StudyIndex.Documents documents(InstanceHeader h) throws IngestException {
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
