package org.consilium.consult.recommendation;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.consilium.archive.ApplicationEntity;
import org.consilium.archive.ForwardRequest;
import org.consilium.archive.Forwarder;
import org.consilium.archive.Ingest;
import org.consilium.archive.IngestSource;
import org.consilium.audit.AuditLog;
import org.consilium.audit.Outcome;
import org.consilium.consult.ConsultView;
import org.consilium.consult.Consults;
import org.consilium.consult.Notifications;
import org.consilium.consult.StudyLink;
import org.consilium.consult.board.BoardStaff;
import org.consilium.consult.board.ConsultBoard;
import org.consilium.consult.board.Meetings;
import org.consilium.consult.document.DocumentLanguage;
import org.consilium.consult.document.EncapsulatedPdf;
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
    Ingest ingest;
    @Inject
    Forwarder forwarder;
    @Inject
    AgroalDataSource db;
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
        String sql = "select recommendation_id, consult_id, study_uid, sop_instance_uid, forwarded_to, note, created_at"
                + " from consult_report where consult_id = ? order by created_at desc";
        try (Connection conn = db.getConnection(); PreparedStatement ps = conn.prepareStatement(sql)) {
            ps.setObject(1, consultId);
            List<Delivery> out = new java.util.ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Delivery(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                            rs.getString(4), rs.getString(5), rs.getString(6), rs.getTimestamp(7).toInstant()));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the reports of consult " + consultId, e);
        }
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
                EncapsulatedPdf.Instance doc = new EncapsulatedPdf().build(pdf, studyContext(c, studyUid),
                        900 + r.revision(), 1, "会诊意见书", r.signedAt());
                sop = ingest.storeFile(new ByteArrayInputStream(doc.part10()),
                        new IngestSource(c.hospitalId(), null, user.asActor())).sopInstanceUid();
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
        Optional<String> target = QuarkusTransaction.requiringNew().call(() -> ApplicationEntity
                .<ApplicationEntity>list("hospitalId = ?1 and mayReceive = true order by aeTitle", c.hospitalId())
                .stream().findFirst().map(ae -> ae.aeTitle));
        if (target.isEmpty()) {
            return null;
        }
        forwarder.forward(user, new ForwardRequest(target.get(), null, List.of(sop)));
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
    private EncapsulatedPdf.StudyContext studyContext(ConsultView c, String studyUid) throws SQLException {
        String sql = "select p.patient_id, p.issuer, p.name_alphabetic, p.name_ideographic, p.birth_date, p.sex,"
                + " s.study_id, s.study_date, s.study_time, s.accession_number, s.referring_physician"
                + " from study_record s join patient_record p on p.id = s.patient_fk where s.study_uid = ?";
        String institution = hospitals.byId(c.hospitalId()).map(HospitalView::name).orElse(null);
        var p = c.patient();
        try (Connection conn = db.getConnection(); PreparedStatement ps = conn.prepareStatement(sql)) {
            ps.setString(1, studyUid);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return new EncapsulatedPdf.StudyContext(p.name(), p.localId(), null, p.birthDate(), p.sex(),
                            studyUid, null, null, null, null, null, institution);
                }
                String alphabetic = rs.getString(3);
                String ideographic = rs.getString(4);
                String name = alphabetic == null ? ideographic : ideographic == null ? alphabetic
                        : alphabetic + "=" + ideographic;
                String birth = rs.getString(5);
                String issuer = rs.getString(2);
                return new EncapsulatedPdf.StudyContext(name == null ? p.name() : name, rs.getString(1),
                        issuer == null || issuer.isEmpty() ? null : issuer,
                        birth == null || birth.length() != 8 ? p.birthDate()
                                : LocalDate.parse(birth, java.time.format.DateTimeFormatter.BASIC_ISO_DATE),
                        rs.getString(6), studyUid, rs.getString(7), rs.getString(8), trimTime(rs.getString(9)),
                        rs.getString(10), rs.getString(11), institution);
            }
        }
    }

    private static String trimTime(String tm) {
        return tm == null ? null : tm.length() > 6 ? tm.substring(0, 6) : tm;
    }

    private void record(Delivery d) {
        String sql = "insert into consult_report (recommendation_id, consult_id, study_uid, sop_instance_uid,"
                + " forwarded_to, note, created_at) values (?, ?, ?, ?, ?, ?, ?) on conflict do nothing";
        try (Connection conn = db.getConnection(); PreparedStatement ps = conn.prepareStatement(sql)) {
            ps.setObject(1, d.recommendationId());
            ps.setObject(2, d.consultId());
            ps.setString(3, d.studyUid());
            ps.setString(4, d.sopInstanceUid());
            ps.setString(5, d.forwardedTo());
            ps.setString(6, d.note());
            ps.setTimestamp(7, Timestamp.from(d.createdAt()));
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot record the report of consult " + d.consultId(), e);
        }
    }
}
