package org.consilium.registry.report;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.consilium.audit.AuditLog;
import org.consilium.audit.Outcome;
import org.consilium.consult.PatientView;
import org.consilium.consult.Patients;
import org.consilium.identity.CurrentUser;
import org.consilium.identity.HospitalView;
import org.consilium.identity.Role;
import org.consilium.platform.Page;
import org.consilium.platform.ProblemException;
import org.consilium.platform.ProblemType;
import org.consilium.platform.UuidV7;
import org.consilium.registry.IcdCodes;
import org.consilium.registry.RegistryConfig;
import org.consilium.registry.RegistryNotices;
import org.consilium.registry.RegistryScope;

/**
 * New-tumor reports: filed by any staff member, seen by their own hospital and the alliance's provincial case
 * managers, recorded (立即录档) by a case manager against the configured clock, then the priority channel.
 */
@ApplicationScoped
public class TumorReports {

    @Inject
    Patients patients;
    @Inject
    RegistryScope scope;
    @Inject
    RegistryNotices notices;
    @Inject
    RegistryConfig config;
    @Inject
    ReportViews views;
    @Inject
    AuditLog audit;
    @Inject
    EntityManager em;

    /** Files a report; the patient is found or registered in the reporting hospital's register. */
    @Transactional
    public ReportView report(CurrentUser user, ReportRequest r) {
        requireStaff(user);
        String icd10 = IcdCodes.icd10(r.icd10());
        String topography = IcdCodes.topography(r.topography());
        PatientView patient = patientOf(user, r);
        TumorReport t = new TumorReport();
        t.id = UuidV7.next();
        t.hospitalId = patient.hospitalId();
        t.patientId = patient.id();
        t.certainty = r.certainty();
        t.icd10 = icd10;
        t.topography = topography;
        t.detection = r.detection();
        t.finding = r.finding().strip();
        t.reporterId = user.id();
        t.reporter = user.displayName();
        t.reporterPhone = r.reporterPhone() == null || r.reporterPhone().isBlank() ? null : r.reporterPhone().strip();
        t.reportedAt = Instant.now();
        t.recordDueAt = t.reportedAt.plus(config.recordWithin());
        t.persist();
        audit.record(user.asActor(), t.hospitalId, "registry.report.create", target(t.id), Outcome.SUCCESS,
                "patient " + t.patientId + ", " + t.certainty + " " + t.icd10);
        String kind = t.certainty == Certainty.CONFIRMED ? "确诊" : "疑似";
        notices.toCaseManagers(t.hospitalId, RegistryNotices.REPORTED, t.id,
                "新发肿瘤报告（" + kind + " " + t.icd10 + "）：" + patient.name() + "，请立即录档",
                "New tumor report (" + t.certainty.name().toLowerCase() + " " + t.icd10 + "): " + patient.name()
                        + ", to be recorded");
        return views.of(t, patient, Instant.now());
    }

    /**
     * The reports the caller may see: open ones first by their clock (overdue on top), then recorded ones, newest
     * first. Audited as a read of the list.
     */
    @Transactional
    public Page<ReportView> queue(CurrentUser user, boolean openOnly, int offset, int limit) {
        List<UUID> hospitals = scope.visibleHospitals(user);
        String where = " from TumorReport t where t.hospitalId in :hospitals"
                + (openOnly ? " and t.recordedAt is null" : "");
        List<TumorReport> rows = em.createQuery("select t" + where + " order by case when t.recordedAt is null"
                        + " then 0 else 1 end, t.recordDueAt, t.reportedAt desc, t.id", TumorReport.class)
                .setParameter("hospitals", hospitals).setFirstResult(offset).setMaxResults(limit).getResultList();
        long total = em.createQuery("select count(t)" + where, Long.class).setParameter("hospitals", hospitals)
                .getSingleResult();
        audit.record(user.asActor(), user.hospital().map(HospitalView::id).orElse(null), "registry.report.list",
                "tumor-reports", Outcome.SUCCESS, "open=" + openOnly + " -> " + total);
        return new Page<>(views.of(rows, Instant.now()), total, offset, limit);
    }

    /** One report (audited PHI read); 404 outside the caller's scope. */
    @Transactional
    public ReportView get(CurrentUser user, UUID id) {
        TumorReport t = load(user, id, "registry.report.read");
        audit.record(user.asActor(), t.hospitalId, "registry.report.read", target(t.id), Outcome.SUCCESS, null);
        return views.of(t, Instant.now());
    }

    /** Records the report (立即录档): stops its clock. 409 when it was recorded already. */
    @Transactional
    public ReportView record(CurrentUser user, UUID id, long version) {
        RegistryScope.requireCaseManager(user);
        TumorReport t = load(user, id, "registry.report.record");
        requireVersion(t, version);
        if (t.recordedAt != null) {
            throw new ProblemException(ProblemType.ILLEGAL_TRANSITION, "The report was recorded already, at "
                    + t.recordedAt + " by " + t.recordedBy);
        }
        t.recordedAt = Instant.now();
        t.recordedById = user.id();
        t.recordedBy = user.displayName();
        RecordClock clock = RecordClock.of(t, t.recordedAt);
        audit.record(user.asActor(), t.hospitalId, "registry.report.record", target(t.id), Outcome.SUCCESS,
                "after " + clock.tookSeconds() + " s, " + (clock.onTime() ? "on time" : "overdue"));
        em.flush();
        return views.of(t, Instant.now());
    }

    /** Sets the priority channel's flags of a recorded report. */
    @Transactional
    public ReportView prioritise(CurrentUser user, UUID id, long version, PriorityChannelRequest r) {
        RegistryScope.requireCaseManager(user);
        TumorReport t = requireRecorded(user, id, version, "registry.report.priority");
        Instant now = Instant.now();
        String by = user.displayName();
        if (r.examination() != (t.priorityExamAt != null)) {
            t.priorityExamAt = r.examination() ? now : null;
            t.priorityExamBy = r.examination() ? by : null;
        }
        if (r.consultation() != (t.priorityConsultAt != null)) {
            t.priorityConsultAt = r.consultation() ? now : null;
            t.priorityConsultBy = r.consultation() ? by : null;
        }
        if (r.admission() != (t.priorityAdmissionAt != null)) {
            t.priorityAdmissionAt = r.admission() ? now : null;
            t.priorityAdmissionBy = r.admission() ? by : null;
        }
        audit.record(user.asActor(), t.hospitalId, "registry.report.priority", target(t.id), Outcome.SUCCESS,
                "examination=" + r.examination() + " consultation=" + r.consultation() + " admission="
                        + r.admission());
        em.flush();
        return views.of(t, now);
    }

    /** A recorded report the caller may act on, at {@code version}; for raising a consult or referral from it. */
    @Transactional
    public TumorReport requireRecorded(CurrentUser user, UUID id, long version, String action) {
        TumorReport t = load(user, id, action);
        requireVersion(t, version);
        if (t.recordedAt == null) {
            throw new ProblemException(ProblemType.ILLEGAL_TRANSITION,
                    "Record the report first (请先录档); the priority channel opens when it is recorded");
        }
        return t;
    }

    /** The sites the patient's reports name, newest first; the caller has checked the patient and audits the read. */
    public List<ReportedSite> sitesOf(UUID patientId) {
        return TumorReport.<TumorReport>list("patientId = ?1 order by reportedAt desc", patientId).stream()
                .map(t -> new ReportedSite(t.id, t.icd10, t.topography, t.certainty, t.reporter, t.reportedAt,
                        t.consultId)).toList();
    }

    public static String target(UUID id) {
        return "tumor-report:" + id;
    }

    private TumorReport load(CurrentUser user, UUID id, String action) {
        TumorReport t = TumorReport.findById(id);
        if (t == null || !scope.maySee(user, t.hospitalId)) {
            if (t != null) {
                audit.record(user.asActor(), user.hospital().map(HospitalView::id).orElse(null), action, target(id),
                        Outcome.DENIED, "outside the caller's hospital");
            }
            throw ProblemException.notFound("Tumor report " + id);
        }
        return t;
    }

    private PatientView patientOf(CurrentUser user, ReportRequest r) {
        if (r.patientId() != null) {
            return patients.get(user, r.patientId());
        }
        if (r.patient() == null) {
            throw new ProblemException(ProblemType.VALIDATION, "patient: give patientId or the patient's details");
        }
        return patients.findOrCreate(user, r.patient());
    }

    private static void requireVersion(TumorReport t, long version) {
        if (t.version != version) {
            throw new ProblemException(ProblemType.CONFLICT, "The report changed meanwhile (version " + t.version
                    + ", you sent " + version + "); reload it");
        }
    }

    private static void requireStaff(CurrentUser user) {
        if (!user.hasRole(Role.CLINICIAN) && !user.hasRole(Role.CASE_MANAGER) && !user.hasRole(Role.SPECIALIST)
                && !user.hasRole(Role.RT_STAFF) && !user.hasRole(Role.PLATFORM_ADMIN)) {
            throw new ProblemException(ProblemType.FORBIDDEN, "New tumors are reported by clinical staff");
        }
    }
}
