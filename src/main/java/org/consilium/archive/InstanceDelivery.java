package org.consilium.archive;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.consilium.archive.dimse.ApplicationEntity;
import org.consilium.archive.forward.ForwardJobView;
import org.consilium.archive.forward.ForwardRequest;
import org.consilium.archive.forward.Forwarder;
import org.consilium.archive.store.Ingest;
import org.consilium.archive.store.IngestSource;
import org.consilium.audit.AuditActor;
import org.consilium.dicom.document.EncapsulatedPdf;
import org.consilium.identity.CurrentUser;

/**
 * The archive's write API for other capabilities: store an instance they generated (a consult opinion, a
 * revised structure set) in its patient's study, and send it to a hospital's receiving AE by C-STORE.
 */
@ApplicationScoped
public class InstanceDelivery {

    @Inject
    Ingest ingest;
    @Inject
    Forwarder forwarder;

    /** Stores a Part 10 instance durably for {@code hospitalId}. */
    public InstanceRecord store(byte[] part10, UUID hospitalId, AuditActor actor) throws IngestException, IOException {
        Ingest.Stored s = ingest.storeFile(new ByteArrayInputStream(part10), new IngestSource(hospitalId, null, actor));
        return new InstanceRecord(s.studyUid(), s.seriesUid(), s.sopClassUid(), s.sopInstanceUid());
    }

    /**
     * Stores a PDF as a DICOM Encapsulated PDF instance in a new series of {@code study}; returns its SOP
     * Instance UID.
     *
     * @param title    Document Title, e.g. 会诊意见书
     * @param issued   when the document was made (Content Date and Time)
     */
    public String storePdf(byte[] pdf, StudyRecord study, String institution, int seriesNumber, String title,
                           Instant issued, UUID hospitalId, AuditActor actor) throws IngestException, IOException {
        EncapsulatedPdf.StudyContext context = new EncapsulatedPdf.StudyContext(study.patientName(),
                study.patientId(), study.issuerOfPatientId(), study.birthDate(), study.sex(), study.studyUid(),
                study.studyId(), study.studyDate(), study.studyTime(), study.accessionNumber(),
                study.referringPhysician(), institution);
        return store(new EncapsulatedPdf().build(pdf, context, seriesNumber, 1, title, issued).part10(), hospitalId,
                actor).sopInstanceUid();
    }

    /** The hospital's AEs registered to receive from us, by title. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<String> receivingAes(UUID hospitalId) {
        return ApplicationEntity.<ApplicationEntity>list("hospitalId = ?1 and mayReceive = true order by aeTitle",
                hospitalId).stream().map(ae -> ae.aeTitle).toList();
    }

    /** The hospital's first AE (by title) registered to receive from us, if it has one. */
    public Optional<String> receivingAe(UUID hospitalId) {
        return receivingAes(hospitalId).stream().findFirst();
    }

    /**
     * Queues C-STORE of stored instances to a registered AE the caller may use; the forwarding queue retries
     * and reports. Returns the forwarding jobs' ids.
     */
    public List<UUID> forward(CurrentUser user, String aeTitle, List<String> sopInstanceUids) {
        return forwarder.forward(user, new ForwardRequest(aeTitle, null, sopInstanceUids)).stream()
                .map(ForwardJobView::id).toList();
    }
}
