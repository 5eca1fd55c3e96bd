package org.consilium.consult;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import org.consilium.archive.StudyAccess;
import org.consilium.archive.StudyArrived;
import org.consilium.archive.StudyRecords;
import org.consilium.audit.AuditActor;
import org.consilium.audit.AuditLog;
import org.consilium.audit.Outcome;
import org.consilium.identity.HospitalDirectory;
import org.consilium.identity.HospitalLevel;
import org.consilium.identity.HospitalView;
import org.consilium.platform.ProblemException;
import org.consilium.platform.ProblemType;
import org.jboss.logging.Logger;

/**
 * The studies of a consult, kept by StudyInstanceUID so that the consult and the archive may learn of a study
 * in either order. Attaching a study that the requesting hospital may see grants every provincial hospital
 * read access to it for this consult (archive {@link StudyAccess#grant}); a study named before it arrives is
 * granted when it does. Studies that arrive later with the patient's local ID or one of the consult's
 * accession numbers attach themselves to the patient's open consults. A study named by UID whose PatientID is
 * another patient's (and whose accession number is not the consult's) is never attached: the board would
 * read, and the opinion would be filed in, the wrong patient's images.
 */
@ApplicationScoped
public class ConsultStudies {

    private static final Logger LOG = Logger.getLogger(ConsultStudies.class);
    private static final AuditActor ARCHIVE = new AuditActor("system:auto-attach", "auto-attach");
    private static final EnumSet<ConsultState> OPEN = EnumSet.complementOf(EnumSet.of(ConsultState.CLOSED,
            ConsultState.DECLINED));

    @Inject
    StudyAccess access;
    @Inject
    StudyRecords studyRecords;
    @Inject
    HospitalDirectory hospitals;
    @Inject
    AuditLog audit;

    /**
     * Links the study (idempotent) and grants it to the provincial hospitals when it is already here. A study
     * here that the hospital may see and whose PatientID is another patient's is refused (409).
     */
    void attach(Consult c, String studyUid, String source, String by) {
        if (access.maySee(c.hospitalId, studyUid)) {
            Patient p = Patient.findById(c.patientId);
            studyRecords.study(studyUid).filter(s -> !belongs(c, p, s.patientId(), s.accessionNumber()))
                    .ifPresent(s -> {
                throw new ProblemException(ProblemType.CONFLICT, "studyUids: study " + studyUid
                        + " is of patient ID " + s.patientId() + ", not of this consult's patient (local ID "
                        + p.localId + ")");
            });
        }
        if (ConsultStudy.count("consultId = ?1 and studyUid = ?2", c.id, studyUid) == 0) {
            ConsultStudy s = new ConsultStudy();
            s.consultId = c.id;
            s.studyUid = studyUid;
            s.source = source;
            s.attachedBy = by;
            s.attachedAt = Instant.now();
            s.persist();
        }
        if (access.maySee(c.hospitalId, studyUid)) {
            grant(c, studyUid, by);
        }
    }

    /** The archive stored the first instance of a study: attach it where it belongs and grant it. */
    void arrived(@Observes StudyArrived e) {
        try {
            QuarkusTransaction.requiringNew().run(() -> attachArrived(e));
        } catch (RuntimeException ex) { // the study is stored either way; attaching it later by UID still works
            LOG.errorf(ex, "cannot attach arriving study %s to its consults", e.studyUid());
        }
    }

    private void attachArrived(StudyArrived e) {
        for (ConsultStudy named : ConsultStudy.<ConsultStudy>list("studyUid", e.studyUid())) {
            Consult c = Consult.findById(named.consultId);
            if (!c.hospitalId.equals(e.hospitalId())) {
                continue;
            }
            if (belongs(c, Patient.findById(c.patientId), e.patientId(), e.accessionNumber())) {
                grant(c, e.studyUid(), ARCHIVE.name());
            } else {
                named.delete();
                audit.record(ARCHIVE, c.hospitalId, "consult.study.attach", Consults.target(c.id), Outcome.FAILED,
                        e.studyUid() + " arrived with patient ID " + e.patientId() + ", not the consult's patient:"
                                + " not attached");
            }
        }
        for (Consult c : matching(e)) {
            boolean byPatient = e.patientId() != null && !e.patientId().isBlank()
                    && Patient.count("id = ?1 and localId = ?2", c.patientId, e.patientId().strip()) > 0;
            attach(c, e.studyUid(), byPatient ? "PATIENT_ID" : "ACCESSION", ARCHIVE.name());
            audit.record(ARCHIVE, c.hospitalId, "consult.study.attach", Consults.target(c.id), Outcome.SUCCESS,
                    e.studyUid() + (byPatient ? " by patient ID " + e.patientId()
                            : " by accession number " + e.accessionNumber()));
        }
    }

    /**
     * Whether a study may be the consult's patient's: its accession number is one of the consult's (the order
     * names the patient), or its PatientID is the patient's local ID. False only when both IDs are known and
     * differ: a study without PatientID, or a patient without a local ID, may still be the patient's.
     */
    static boolean belongs(Consult c, Patient p, String studyPatientId, String accession) {
        String acc = accession == null ? "" : accession.strip();
        if (!acc.isEmpty() && c.accessionNumbers != null && Arrays.asList(c.accessionNumbers).contains(acc)) {
            return true;
        }
        String id = studyPatientId == null ? "" : studyPatientId.strip();
        return id.isEmpty() || p.localId == null || p.localId.isBlank() || p.localId.strip().equals(id);
    }

    /** The hospital's open consults for the study's patient or accession number. */
    private static List<Consult> matching(StudyArrived e) {
        String patientId = e.patientId() == null ? "" : e.patientId().strip();
        String accession = e.accessionNumber() == null ? "" : e.accessionNumber().strip();
        return Consult.<Consult>list("hospitalId = ?1 and state in ?2 and (patientId in (select p.id from Patient p"
                + " where p.hospitalId = ?1 and p.localId = ?3 and ?3 <> '')"
                + " or (?4 <> '' and array_contains(accessionNumbers, ?4)))", e.hospitalId(), OPEN, patientId,
                accession);
    }

    private void grant(Consult c, String studyUid, String by) {
        for (HospitalView h : hospitals.all()) {
            if (h.level() == HospitalLevel.PROVINCIAL && !h.id().equals(c.hospitalId)) {
                access.grant(studyUid, h.id(), c.id, by);
            }
        }
    }
}
