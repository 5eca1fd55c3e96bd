package org.consilium.registry.referral;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.consilium.archive.StudyAccess;
import org.consilium.archive.StudyRecord;
import org.consilium.archive.StudyRecords;
import org.consilium.audit.AuditLog;
import org.consilium.audit.Outcome;
import org.consilium.consult.PatientView;
import org.consilium.consult.Patients;
import org.consilium.identity.CurrentUser;
import org.consilium.identity.HospitalLevel;
import org.consilium.identity.HospitalView;
import org.consilium.identity.Role;
import org.consilium.identity.StaffDirectory;
import org.consilium.identity.StaffMember;
import org.consilium.platform.Page;
import org.consilium.platform.ProblemException;
import org.consilium.platform.ProblemType;
import org.consilium.platform.UuidV7;
import org.consilium.registry.RegistryNotices;
import org.consilium.registry.RegistryScope;

/**
 * Raising, listing and reading referrals. The studies a referral carries are shared with the receiving hospital
 * through the archive's access grants; its moves are {@link ReferralMoves}.
 */
@ApplicationScoped
public class Referrals {

    @Inject
    Patients patients;
    @Inject
    RegistryScope scope;
    @Inject
    ReferralSides sides;
    @Inject
    ReferralViews views;
    @Inject
    RegistryNotices notices;
    @Inject
    StaffDirectory staff;
    @Inject
    StudyAccess studyAccess;
    @Inject
    StudyRecords studies;
    @Inject
    AuditLog audit;
    @Inject
    EntityManager em;

    /** Raises a referral, from a new-tumor report when {@code reportId} is given. */
    @Transactional
    public ReferralView create(CurrentUser user, ReferralRequest r, UUID reportId) {
        requireReferrer(user);
        HospitalView to = scope.member("toHospitalId", r.toHospitalId());
        PatientView patient = patientFor(user, r.patientId());
        HospitalView from = r.direction() == Direction.UP ? scope.member("patient", patient.hospitalId())
                : scope.ownHospital(user);
        requireRoute(r, from, to);
        StaffMember doctor = r.toDoctorId() == null || r.toDoctorId().isBlank() ? null : doctorAt(to, r.toDoctorId());
        Referral f = new Referral();
        f.id = UuidV7.next();
        f.direction = r.direction();
        f.patientId = patient.id();
        f.fromHospitalId = from.id();
        f.toHospitalId = to.id();
        f.toDoctorId = doctor == null ? null : doctor.id();
        f.toDoctor = doctor == null ? null : doctor.displayName();
        f.reportId = reportId;
        f.reason = r.reason().strip();
        f.plan = r.plan() == null || r.plan().isBlank() ? null : r.plan().strip();
        GreenChannel green = r.greenChannel() == null || r.direction() == Direction.DOWN ? GreenChannel.NONE
                : r.greenChannel();
        f.greenExamination = green.examination();
        f.greenConsultation = green.consultation();
        f.greenAdmission = green.admission();
        f.state = ReferralState.REQUESTED;
        f.requestedById = user.id();
        f.requestedBy = user.displayName();
        f.requestedAt = f.updatedAt = Instant.now();
        f.persist();
        carry(user, f, r);
        ReferralEvent.record(f, user, null, null);
        audit.record(user.asActor(), from.id(), "registry.referral.create", target(f.id), Outcome.SUCCESS,
                f.direction + " to " + to.alias() + ", patient " + patient.id());
        announce(f, patient.name());
        em.flush();
        return views.of(user, f);
    }

    /**
     * The referrals the caller sent or receives, newest first; {@code incoming} narrows to those addressed to the
     * caller's hospital (or to the caller by name). Audited as a read of the list.
     */
    @Transactional
    public Page<ReferralView> list(CurrentUser user, Boolean incoming, ReferralState state, int offset, int limit) {
        UUID own = user.hospital().map(HospitalView::id).orElse(null);
        List<UUID> seen = scope.visibleHospitals(user);
        String in = "(r.toHospitalId = :own or r.toDoctorId = :me)";
        String where = " from Referral r where " + (Boolean.TRUE.equals(incoming) ? in
                : Boolean.FALSE.equals(incoming) ? "r.fromHospitalId in :seen" : "(r.fromHospitalId in :seen or " + in + ")")
                + (state == null ? "" : " and r.state = :state");
        var select = em.createQuery("select r" + where + " order by r.requestedAt desc, r.id", Referral.class);
        var count = em.createQuery("select count(r)" + where, Long.class);
        for (var q : List.of(select, count)) {
            if (!Boolean.TRUE.equals(incoming)) {
                q.setParameter("seen", seen);
            }
            if (!Boolean.FALSE.equals(incoming)) {
                q.setParameter("own", own).setParameter("me", user.id());
            }
            if (state != null) {
                q.setParameter("state", state);
            }
        }
        List<Referral> rows = select.setFirstResult(offset).setMaxResults(limit).getResultList();
        long total = count.getSingleResult();
        audit.record(user.asActor(), own, "registry.referral.list", "referrals", Outcome.SUCCESS,
                "incoming=" + incoming + " state=" + state + " -> " + total);
        return new Page<>(views.of(user, rows), total, offset, limit);
    }

    /** One referral (audited PHI read); 404 for a hospital on neither side. */
    @Transactional
    public ReferralView get(CurrentUser user, UUID id) {
        Referral f = load(user, id, "registry.referral.read");
        audit.record(user.asActor(), f.fromHospitalId, "registry.referral.read", target(f.id), Outcome.SUCCESS, null);
        return views.of(user, f);
    }

    Referral load(CurrentUser user, UUID id, String action) {
        Referral f = Referral.findById(id);
        if (f == null || !sides.maySee(user, f)) {
            if (f != null) {
                audit.record(user.asActor(), user.hospital().map(HospitalView::id).orElse(null), action, target(id),
                        Outcome.DENIED, "neither side of the referral");
            }
            throw ProblemException.notFound("Referral " + id);
        }
        return f;
    }

    static String target(UUID id) {
        return "referral:" + id;
    }

    /** The patient, seen through the register (audited) or, for a receiving hospital, through a referral to it. */
    private PatientView patientFor(CurrentUser user, UUID patientId) {
        UUID own = user.hospital().map(HospitalView::id).orElse(null);
        boolean received = own != null && Referral.count("patientId = ?1 and toHospitalId = ?2 and state <> ?3",
                patientId, own, ReferralState.DECLINED) > 0;
        PatientView p = received ? patients.byIds(List.of(patientId)).get(patientId) : null;
        if (p == null) {
            return patients.get(user, patientId);
        }
        audit.record(user.asActor(), own, "patient.read", "patient:" + patientId, Outcome.SUCCESS,
                "received by referral");
        return p;
    }

    private static void requireRoute(ReferralRequest r, HospitalView from, HospitalView to) {
        if (from.id().equals(to.id())) {
            throw new ProblemException(ProblemType.VALIDATION, "toHospitalId: a referral goes to another hospital");
        }
        if (r.direction() == Direction.UP && (from.level() != HospitalLevel.COUNTY
                || to.level() != HospitalLevel.PROVINCIAL)) {
            throw new ProblemException(ProblemType.VALIDATION, "toHospitalId: an up-referral (上转) goes from the"
                    + " patient's county hospital to a provincial hospital");
        }
        if (r.direction() == Direction.DOWN && to.level() != HospitalLevel.COUNTY) {
            throw new ProblemException(ProblemType.VALIDATION, "toHospitalId: a down-referral (下转) goes to a county"
                    + " hospital or a doctor there");
        }
        if (r.direction() == Direction.UP && r.toDoctorId() != null && !r.toDoctorId().isBlank()) {
            throw new ProblemException(ProblemType.VALIDATION, "toDoctorId: only a down-referral names a doctor");
        }
    }

    private StaffMember doctorAt(HospitalView to, String doctorId) {
        return staff.staff(to, null, null, 0, 500).items().stream().filter(m -> m.id().equals(doctorId)
                        && (m.roles().contains(Role.CLINICIAN) || m.roles().contains(Role.SPECIALIST))).findFirst()
                .orElseThrow(() -> new ProblemException(ProblemType.VALIDATION, "toDoctorId: " + doctorId
                        + " is not a doctor of " + to.name()));
    }

    /** The carried studies (checked against the referring hospital's access, then granted) and reports. */
    private void carry(CurrentUser user, Referral f, ReferralRequest r) {
        for (String uid : r.studyUids() == null ? List.<String>of() : r.studyUids().stream().distinct().toList()) {
            if (!studyAccess.maySee(f.fromHospitalId, uid)) {
                throw new ProblemException(ProblemType.VALIDATION, "studyUids: " + uid
                        + " is not a study the referring hospital holds");
            }
            ReferralItem i = item(f, ReferralItem.ItemKind.STUDY, studyTitle(uid), null);
            i.studyUid = uid;
            i.persist();
            studyAccess.grant(uid, f.toHospitalId, null, user.username());
        }
        for (CarriedReport c : r.reports() == null ? List.<CarriedReport>of() : r.reports()) {
            item(f, ReferralItem.ItemKind.REPORT, c.title().strip(), c.text()).persist();
        }
    }

    private String studyTitle(String uid) {
        return studies.study(uid).map(s -> String.join(" ", nonNull(s.studyDate()), nonNull(s.accessionNumber()))
                .strip()).filter(t -> !t.isEmpty()).orElse(uid);
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }

    private static ReferralItem item(Referral f, ReferralItem.ItemKind kind, String title, String body) {
        ReferralItem i = new ReferralItem();
        i.id = UuidV7.next();
        i.referralId = f.id;
        i.kind = kind;
        i.title = title;
        i.body = body;
        return i;
    }

    private void announce(Referral f, String patientName) {
        String dir = f.direction == Direction.UP ? "上转" : "下转";
        String green = f.greenExamination || f.greenConsultation || f.greenAdmission ? "（绿色通道）" : "";
        String zh = "新的" + dir + "申请" + green + "：" + patientName;
        String en = "New " + (f.direction == Direction.UP ? "up" : "down") + "-referral" + (green.isEmpty() ? ""
                : " (green channel)") + ": " + patientName;
        notices.toStaff(f.toHospitalId, f.toDoctorId, RegistryNotices.REFERRAL, f.id, zh, en);
    }

    private static void requireReferrer(CurrentUser user) {
        if (!user.hasRole(Role.CLINICIAN) && !user.hasRole(Role.CASE_MANAGER) && !user.hasRole(Role.SPECIALIST)
                && !user.hasRole(Role.PLATFORM_ADMIN)) {
            throw new ProblemException(ProblemType.FORBIDDEN, "Referrals are raised by clinical staff and case managers");
        }
    }
}
