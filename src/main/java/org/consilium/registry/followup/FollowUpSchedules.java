package org.consilium.registry.followup;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.consilium.audit.AuditLog;
import org.consilium.audit.Outcome;
import org.consilium.consult.PatientView;
import org.consilium.consult.Patients;
import org.consilium.identity.CurrentUser;
import org.consilium.identity.HospitalView;
import org.consilium.identity.Role;
import org.consilium.identity.StaffDirectory;
import org.consilium.identity.StaffMember;
import org.consilium.platform.Page;
import org.consilium.platform.Problem;
import org.consilium.platform.ProblemException;
import org.consilium.platform.ProblemType;
import org.consilium.platform.UuidV7;
import org.consilium.registry.IcdCodes;
import org.consilium.registry.RegistryNotices;
import org.consilium.registry.RegistryScope;

/**
 * Follow-up schedules: generated from a template, assigned to the attending hospital's clinician or handed over to a
 * named doctor elsewhere in the alliance (a community doctor sees only the schedules handed to them); each visit's
 * outcome goes back to the attending doctor.
 */
@ApplicationScoped
public class FollowUpSchedules {

    /** Dates are calendar days where the alliance works. */
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    public static final String OUTCOME = "registry.followup";

    @Inject
    Patients patients;
    @Inject
    RegistryScope scope;
    @Inject
    RegistryNotices notices;
    @Inject
    StaffDirectory staff;
    @Inject
    AuditLog audit;
    @Inject
    EntityManager em;

    /** A schedule set up: {@code created} when new, false when the patient's open schedule was re-planned. */
    public record SetUp(ScheduleView schedule, boolean created) {
    }

    /**
     * Sets up the patient's schedule for a primary tumor. There is one open schedule per patient and primary (ICD-10
     * category): when one exists, e.g. started by an MDT board's signed recommendation, its template visits not yet
     * made are planned again from {@code startOn} for the given code and stage, and {@code attending}, when given,
     * becomes its attending doctor; the board's visits stay. Otherwise a new schedule is generated.
     */
    @Transactional
    public SetUp create(CurrentUser user, ScheduleRequest r) {
        requireClinical(user);
        PatientView p = patients.get(user, r.patientId());
        String icd10 = IcdCodes.icd10(r.icd10());
        StaffMember attending = r.attending() == null ? null : doctor(r.attending(), "attending.userId", true);
        LocalDate start = r.startOn() != null ? r.startOn() : LocalDate.now(ZONE);
        FollowUpSchedule open = openFor(p.id(), icd10);
        FollowUpSchedule s = open != null ? open
                : FollowUpSchedule.keptBy(p.id(), p.hospitalId(), user.id(), user.displayName(), user.displayName());
        if (open != null) {
            if (!visible(user, open, scope)) {
                throw new ProblemException(ProblemType.CONFLICT, "The patient already has an open follow-up schedule"
                        + " for " + open.icd10.substring(0, 3) + ", kept by another hospital（该患者已有随访计划）");
            }
            FollowUpVisit.delete("scheduleId = ?1 and title is null and state = ?2", s.id, FollowUpVisit.State.OPEN);
        }
        if (attending != null) {
            s.attendingId = attending.id();
            s.attending = attending.displayName();
        }
        s.icd10 = icd10;
        s.stage = r.stage();
        s.template = FollowUpTemplate.forTumor(s.icd10, s.stage);
        if (open == null) {
            s.persist();
        }
        plan(s, start);
        audit.record(user.asActor(), s.hospitalId, open == null ? "registry.followup.create" : "registry.followup.replan",
                target(s.id), Outcome.SUCCESS, s.template + " for " + s.icd10 + " stage " + s.stage + " from " + start
                        + ", patient " + s.patientId);
        em.flush();
        return new SetUp(view(s, p), open == null);
    }

    /** The patient's open schedule (no death recorded) for the primary tumor of {@code icd10}'s category, if any. */
    static FollowUpSchedule openFor(UUID patientId, String icd10) {
        return FollowUpSchedule.<FollowUpSchedule>find("patientId = ?1 and deathDate is null and icd10 like ?2"
                + " order by createdAt desc", patientId, icd10.substring(0, 3) + "%").firstResult();
    }

    /** Adds the template's visits from {@code start}. */
    static void plan(FollowUpSchedule s, LocalDate start) {
        for (LocalDate due : s.template.visits(start)) {
            FollowUpVisit v = new FollowUpVisit();
            v.id = UuidV7.next();
            v.scheduleId = s.id;
            v.dueOn = due;
            v.state = FollowUpVisit.State.OPEN;
            v.persist();
        }
    }

    /**
     * The schedules the caller may see: their hospitals', and those handed to or attended by them; {@code overdue}
     * keeps those with an open visit past its day. Audited.
     */
    @Transactional
    public Page<ScheduleView> list(CurrentUser user, boolean mine, boolean overdue, int offset, int limit) {
        String where = " from FollowUpSchedule s where (s.assigneeId = :me or s.attendingId = :me"
                + (mine ? ")" : " or s.hospitalId in :seen)")
                + (overdue ? " and exists (select 1 from FollowUpVisit v where v.scheduleId = s.id and v.state = :open"
                + " and v.dueOn < :today)" : "");
        var select = em.createQuery("select s" + where + " order by s.createdAt desc, s.id", FollowUpSchedule.class);
        var count = em.createQuery("select count(s)" + where, Long.class);
        for (var q : List.of(select, count)) {
            q.setParameter("me", user.id());
            if (overdue) {
                q.setParameter("open", FollowUpVisit.State.OPEN).setParameter("today", LocalDate.now(ZONE));
            }
            if (!mine) {
                q.setParameter("seen", scope.visibleHospitals(user));
            }
        }
        List<FollowUpSchedule> rows = select.setFirstResult(offset).setMaxResults(limit).getResultList();
        long total = count.getSingleResult();
        Map<UUID, PatientView> byId = patients.byIds(rows.stream().map(s -> s.patientId).distinct().toList());
        audit.record(user.asActor(), user.hospital().map(HospitalView::id).orElse(null), "registry.followup.list",
                "follow-ups", Outcome.SUCCESS, "mine=" + mine + " overdue=" + overdue + " -> " + total);
        return new Page<>(rows.stream().map(s -> view(s, byId.get(s.patientId))).toList(), total, offset, limit);
    }

    @Transactional
    public ScheduleView get(CurrentUser user, UUID id) {
        FollowUpSchedule s = load(user, id, "registry.followup.read");
        audit.record(user.asActor(), s.hospitalId, "registry.followup.read", target(s.id), Outcome.SUCCESS, null);
        return view(s);
    }

    /** The clinicians of an alliance hospital a schedule may be handed to (社区医生 or county clinicians). */
    public List<Doctor> doctors(CurrentUser user, UUID hospitalId) {
        requireClinical(user);
        return clinicians(scope.member("hospitalId", hospitalId)).stream()
                .map(m -> new Doctor(m.id(), m.displayName(), m.discipline())).toList();
    }

    /** Hands the schedule over to a doctor of an alliance hospital; 400 when they are not one. */
    @Transactional
    public ScheduleView handOver(CurrentUser user, UUID id, HandOverRequest r) {
        FollowUpSchedule s = load(user, id, "registry.followup.handover");
        requireHospitalSide(user, s);
        StaffMember doctor = doctor(r, "userId", false);
        HospitalView h = scope.member("hospitalId", r.hospitalId());
        s.assigneeId = doctor.id();
        s.assignee = doctor.displayName();
        s.handedOverAt = Instant.now();
        audit.record(user.asActor(), s.hospitalId, "registry.followup.handover", target(s.id), Outcome.SUCCESS,
                "to " + doctor.username() + " of " + h.alias());
        PatientView p = patients.byIds(List.of(s.patientId)).get(s.patientId);
        notices.toUser(doctor.id(), OUTCOME, s.id, "随访患者已移交给您：" + p.name(),
                "A follow-up patient was handed to you: " + p.name());
        em.flush();
        return view(s, p);
    }

    /** Moves an open visit to another day (the schedule is editable per patient). */
    @Transactional
    public ScheduleView reschedule(CurrentUser user, UUID id, UUID visitId, LocalDate dueOn) {
        FollowUpSchedule s = load(user, id, "registry.followup.reschedule");
        FollowUpVisit v = openVisit(s, visitId);
        audit.record(user.asActor(), s.hospitalId, "registry.followup.reschedule", target(s.id), Outcome.SUCCESS,
                v.dueOn + " -> " + dueOn);
        v.dueOn = dueOn;
        return view(s);
    }

    /**
     * Records a visit's outcome and tells the attending doctor. A death closes the schedule's open visits; nothing
     * is recorded for a date after a recorded death, nor a death after the contact that reports it.
     */
    @Transactional
    public ScheduleView recordOutcome(CurrentUser user, UUID id, UUID visitId, OutcomeRequest r) {
        FollowUpSchedule s = load(user, id, "registry.followup.outcome");
        FollowUpVisit v = openVisit(s, visitId);
        OutcomeRules.check(r, s.deathDate, LocalDate.now(ZONE));
        v.contactedOn = r.contactedOn();
        v.reached = r.reached();
        v.vitalStatus = r.vitalStatus();
        v.deathDate = r.deathDate();
        v.recurrence = r.recurrence();
        v.progression = r.progression();
        v.recist = r.recist();
        v.adverseEvents = blankToNull(r.adverseEvents());
        v.nextStep = blankToNull(r.nextStep());
        v.note = blankToNull(r.note());
        v.reportedBy = user.displayName();
        v.reportedAt = Instant.now();
        v.state = FollowUpVisit.State.DONE;
        if (r.vitalStatus() == FollowUpVisit.VitalStatus.DECEASED) {
            s.deathDate = r.deathDate();
            FollowUpVisit.update("state = ?1 where scheduleId = ?2 and state = ?3", FollowUpVisit.State.CANCELLED,
                    s.id, FollowUpVisit.State.OPEN);
        }
        audit.record(user.asActor(), s.hospitalId, "registry.followup.outcome", target(s.id), Outcome.SUCCESS,
                OutcomeRules.summary(r));
        PatientView p = patients.byIds(List.of(s.patientId)).get(s.patientId);
        notices.toUser(s.attendingId, OUTCOME, s.id, "随访结果：" + p.name() + "，" + OutcomeRules.summaryZh(r),
                "Follow-up outcome: " + p.name() + ", " + OutcomeRules.summary(r));
        em.flush();
        return view(s, p);
    }

    private List<StaffMember> clinicians(HospitalView h) {
        return staff.staff(h, Role.CLINICIAN, null, 0, 500).items();
    }

    /** A clinician (or, for an attending doctor, also a specialist) of an alliance hospital; 400 naming the field. */
    private StaffMember doctor(HandOverRequest r, String field, boolean specialistToo) {
        HospitalView h = scope.member("hospitalId", r.hospitalId());
        return staff.staff(h, null, null, 0, 500).items().stream().filter(m -> m.id().equals(r.userId()))
                .filter(m -> m.roles().contains(Role.CLINICIAN) || specialistToo && m.roles().contains(Role.SPECIALIST))
                .findFirst().orElseThrow(() -> new ProblemException(ProblemType.VALIDATION, field + ": " + r.userId()
                        + " is not a doctor of " + h.name(), List.of(new Problem.FieldError(field,
                        "not a doctor of " + h.name() + "（不是该单位的医生）"))));
    }

    /** The patient's schedules with their visits; the caller has checked the patient and audits the read. */
    public List<ScheduleView> ofPatient(UUID patientId) {
        List<FollowUpSchedule> rows = FollowUpSchedule.list("patientId = ?1 order by createdAt", patientId);
        PatientView p = patients.byIds(List.of(patientId)).get(patientId);
        return rows.stream().map(s -> view(s, p)).toList();
    }

    static String target(UUID id) {
        return "follow-up:" + id;
    }

    private FollowUpSchedule load(CurrentUser user, UUID id, String action) {
        FollowUpSchedule s = FollowUpSchedule.findById(id);
        if (s == null || !visible(user, s, scope)) {
            if (s != null) {
                audit.record(user.asActor(), user.hospital().map(HospitalView::id).orElse(null), action, target(id),
                        Outcome.DENIED, "neither the patient's hospital nor a doctor of the schedule");
            }
            throw ProblemException.notFound("Follow-up schedule " + id);
        }
        return s;
    }

    /** The schedule's hospital side, its attending doctor and the doctor it is handed to see it; nobody else. */
    static boolean visible(CurrentUser user, FollowUpSchedule s, RegistryScope scope) {
        return user.id().equals(s.assigneeId) || user.id().equals(s.attendingId) || scope.maySee(user, s.hospitalId);
    }

    private static void requireHospitalSide(CurrentUser user, FollowUpSchedule s) {
        if (!user.id().equals(s.attendingId) && !user.hasRole(Role.CASE_MANAGER) && !user.hasRole(Role.PLATFORM_ADMIN)) {
            throw new ProblemException(ProblemType.FORBIDDEN, "The attending doctor or a case manager hands it over");
        }
    }

    private static FollowUpVisit openVisit(FollowUpSchedule s, UUID visitId) {
        FollowUpVisit v = FollowUpVisit.<FollowUpVisit>findByIdOptional(visitId)
                .filter(x -> x.scheduleId.equals(s.id))
                .orElseThrow(() -> ProblemException.notFound("Visit " + visitId));
        if (v.state != FollowUpVisit.State.OPEN) {
            throw new ProblemException(ProblemType.ILLEGAL_TRANSITION, "The visit is " + v.state + " already");
        }
        return v;
    }

    private static void requireClinical(CurrentUser user) {
        if (!user.hasRole(Role.CLINICIAN) && !user.hasRole(Role.CASE_MANAGER) && !user.hasRole(Role.SPECIALIST)
                && !user.hasRole(Role.PLATFORM_ADMIN)) {
            throw new ProblemException(ProblemType.FORBIDDEN, "Follow-up is scheduled by clinical staff");
        }
    }

    private ScheduleView view(FollowUpSchedule s) {
        return view(s, patients.byIds(List.of(s.patientId)).get(s.patientId));
    }

    private static ScheduleView view(FollowUpSchedule s, PatientView p) {
        List<ScheduleView.Visit> visits = FollowUpVisit.<FollowUpVisit>find("scheduleId", Sort.ascending("dueOn", "id"),
                s.id).stream().map(ScheduleView.Visit::of).toList();
        return new ScheduleView(s.id, s.version, s.patientId, p == null ? null : p.name(), s.hospitalId, s.icd10,
                s.stage, s.template, s.attendingId, s.attending, s.assigneeId, s.assignee, s.handedOverAt, s.deathDate,
                visits);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
