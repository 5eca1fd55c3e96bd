package org.consilium.consult.recommendation;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.consilium.archive.InstanceDelivery;
import org.consilium.archive.StudyRecord;
import org.consilium.archive.StudyRecords;
import org.consilium.audit.AuditLog;
import org.consilium.audit.Outcome;
import org.consilium.consult.ConsultView;
import org.consilium.consult.Consults;
import org.consilium.consult.Notifications;
import org.consilium.consult.StudyLink;
import org.consilium.consult.board.BoardStaff;
import org.consilium.consult.board.ConsultBoard;
import org.consilium.consult.board.Meetings;
import org.consilium.platform.document.DocumentLanguage;
import org.consilium.consult.document.OpinionPdf;
import org.consilium.identity.CurrentUser;
import org.consilium.identity.HospitalDirectory;
import org.consilium.identity.HospitalView;
import org.consilium.identity.StaffMember;
import org.consilium.platform.ProblemException;
import org.consilium.platform.ProblemType;

/**
 * Report back: the consult opinion document (会诊意见书) of the latest signed version, as a PDF for whoever may
 * see the consult (the requesting hospital above all), stored as DICOM Encapsulated PDF in the patient's study
 * and, where the requesting hospital registered a receiving AE, forwarded there by C-STORE.
 */
@ApplicationScoped
public class ConsultReports {

    @Inject
    Consults consults;
    @Inject
    Recommendations recommendations;
    @Inject
    Meetings meetings;
    @Inject
    BoardStaff staff;
    @Inject
    HospitalDirectory hospitals;
    @Inject
    Notifications notifications;
    @Inject
    InstanceDelivery archive;
    @Inject
    StudyRecords studyRecords;
    @Inject
    AuditLog audit;

    private volatile OpinionPdf renderer;

    /** Where the report of a signed version went. */
    public record Delivery(UUID recommendationId, UUID consultId, String studyUid, String sopInstanceUid,
                           String forwardedTo, String note, Instant createdAt) {
    }

    /** The opinion document of the latest signed version; 404 while nothing is signed. Audited as a PHI read. */
    public byte[] pdf(CurrentUser user, UUID consultId, DocumentLanguage language) {
        ConsultView c = consults.require(user, consultId);
        Recommendation r = Recommendation.latestSigned(consultId)
                .orElseThrow(() -> ProblemException.notFound("Signed recommendation of consult " + consultId));
        byte[] pdf = render(c, recommendations.view(r), language);
        audit.record(user.asActor(), Meetings.hospitalOf(user), "report.download", "consult:" + consultId,
                Outcome.SUCCESS, "revision " + r.revision + " " + language.tag);
        return pdf;
    }

    /** Where the reports of this consult's signed versions went, newest first. */
    public List<Delivery> deliveries(CurrentUser user, UUID consultId) {
        consults.require(user, consultId);
        return QuarkusTransaction.joiningExisting().call(() -> ConsultReport.ofConsult(consultId).stream()
                .map(r -> new Delivery(r.recommendationId, r.consultId, r.studyUid, r.sopInstanceUid, r.forwardedTo,
                        r.note, r.createdAt))
                .toList());
    }

    /**
     * Sends a newly signed version back, after its transaction committed: the requester and the case managers
     * are notified, the document is stored in the patient's study and forwarded. A failure to store or
     * forward is recorded and audited; it does not undo the signature.
     */
    public Delivery deliver(CurrentUser user, UUID consultId, UUID recommendationId) {
        ConsultView c = consults.require(user, consultId);
        RecommendationView r = recommendations.view(Recommendation.findById(recommendationId));
        String zh = "会诊意见已签发：" + c.patient().name();
        String en = "Consult opinion signed (revision " + r.revision() + ")";
        notifications.notify(c.requestedById(), Notifications.RECOMMENDATION_SIGNED, consultId, zh, en);
        for (StaffMember cm : staff.caseManagers()) {
            notifications.notify(cm.id(), Notifications.RECOMMENDATION_SIGNED, consultId, zh, en);
        }
        String studyUid = c.studies().stream().min(Comparator.comparing(StudyLink::attachedAt))
                .map(StudyLink::studyUid).orElse(null);
        String sop = null;
        String forwardedTo = null;
        String note;
        if (studyUid == null) {
            note = "no study attached: the document was not stored in the archive";
        } else {
            try {
                byte[] pdf = render(c, r, DocumentLanguage.ZH_CN);
                String institution = hospitals.byId(c.hospitalId()).map(HospitalView::name).orElse(null);
                sop = archive.storePdf(pdf, studyRecord(c, studyUid), institution, 900 + r.revision(), "会诊意见书",
                        r.signedAt(), c.hospitalId(), user.asActor());
                audit.record(user.asActor(), c.hospitalId(), "report.store", "consult:" + consultId, Outcome.SUCCESS,
                        "study " + studyUid + " instance " + sop);
                forwardedTo = forward(user, c, sop);
                note = forwardedTo == null ? "stored; the requesting hospital has no receiving AE" : "stored and queued";
            } catch (Exception e) {
                note = "stored: " + (sop != null) + "; failed: " + e.getMessage();
                audit.record(user.asActor(), c.hospitalId(), "report.store", "consult:" + consultId, Outcome.FAILED,
                        note);
            }
        }
        Delivery d = new Delivery(recommendationId, consultId, studyUid, sop, forwardedTo, note, Instant.now());
        record(d);
        return d;
    }

    /** Queues C-STORE of the document to the requesting hospital's first receiving AE, if it has one. */
    private String forward(CurrentUser user, ConsultView c, String sop) {
        Optional<String> target = archive.receivingAe(c.hospitalId());
        if (target.isEmpty()) {
            return null;
        }
        archive.forward(user, target.get(), List.of(sop));
        audit.record(user.asActor(), c.hospitalId(), "report.forward", "consult:" + c.id(), Outcome.SUCCESS,
                "instance " + sop + " to " + target.get());
        return target.get();
    }

    private byte[] render(ConsultView c, RecommendationView r, DocumentLanguage language) {
        ConsultBoard board = meetings.boardFor(c.id()).orElseThrow();
        Integer amends = r.previousId() == null ? null
                : Recommendation.<Recommendation>findByIdOptional(r.previousId()).map(p -> p.revision).orElse(null);
        String provincial = staff.provincial().stream().findFirst().flatMap(hospitals::byId)
                .map(h -> language == DocumentLanguage.EN && h.nameEn() != null ? h.nameEn() : h.name()).orElse("");
        return renderer().render(OpinionDocuments.of(c, r, board, provincial, amends), language);
    }

    private OpinionPdf renderer() {
        OpinionPdf r = renderer;
        if (r == null) {
            try {
                r = new OpinionPdf();
            } catch (RuntimeException e) {
                throw new ProblemException(ProblemType.INTERNAL, "no CJK font for the opinion document: "
                        + e.getMessage(), e);
            }
            renderer = r;
        }
        return r;
    }

    /** The patient and study attributes as the archive indexed them, or the consult's patient if it has not. */
    private StudyRecord studyRecord(ConsultView c, String studyUid) {
        var p = c.patient();
        return studyRecords.study(studyUid).map(s -> s.patientName() != null && s.birthDate() != null ? s
                        : new StudyRecord(studyUid, s.patientId(), s.issuerOfPatientId(),
                                s.patientName() == null ? p.name() : s.patientName(),
                                s.birthDate() == null ? p.birthDate() : s.birthDate(), s.sex(), s.studyId(),
                                s.studyDate(), s.studyTime(), s.accessionNumber(), s.referringPhysician()))
                .orElseGet(() -> new StudyRecord(studyUid, p.localId(), null, p.name(), p.birthDate(), p.sex(),
                        null, null, null, null, null));
    }

    /** Records a delivery once; a repeated delivery of the same version keeps the first record. */
    private void record(Delivery d) {
        QuarkusTransaction.requiringNew().run(() -> {
            if (ConsultReport.findById(d.recommendationId()) != null) {
                return;
            }
            ConsultReport r = new ConsultReport();
            r.recommendationId = d.recommendationId();
            r.consultId = d.consultId();
            r.studyUid = d.studyUid();
            r.sopInstanceUid = d.sopInstanceUid();
            r.forwardedTo = d.forwardedTo();
            r.note = d.note();
            r.createdAt = d.createdAt();
            r.persist();
        });
    }
}
