package org.consilium.registry.teaching;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.consilium.archive.StudyAccess;
import org.consilium.audit.AuditLog;
import org.consilium.audit.Outcome;
import org.consilium.identity.CurrentUser;
import org.consilium.identity.HospitalDirectory;
import org.consilium.identity.HospitalLevel;
import org.consilium.identity.HospitalView;
import org.consilium.identity.Role;
import org.consilium.identity.StaffDirectory;
import org.consilium.identity.StaffMember;
import org.consilium.platform.ProblemException;
import org.consilium.platform.ProblemType;
import org.consilium.platform.UuidV7;

/**
 * Courses: a teacher of the provincial hospital gathers cases and enrols county radiotherapy staff; each
 * trainee's hospital is granted reading of the cases' de-identified studies (images only). The teacher reads
 * the leaderboard; a trainee sees the course with their own results.
 */
@ApplicationScoped
public class Courses {

    static final String TARGET = "teaching-course:";

    @Inject
    Enrolments enrolments;
    @Inject
    StudyAccess studies;
    @Inject
    StaffDirectory staff;
    @Inject
    HospitalDirectory hospitals;
    @Inject
    AuditLog audit;

    @Transactional
    public CourseView create(CurrentUser user, CourseRequest r) {
        TeachingRoles.requireTeacher(user);
        TeachingCourse c = new TeachingCourse();
        c.id = UuidV7.next();
        c.title = r.title().strip();
        c.description = r.description();
        c.hospitalId = user.hospital().map(HospitalView::id).orElseThrow();
        c.teacherId = user.id();
        c.teacher = user.displayName();
        c.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        c.persist();
        for (UUID caseId : r.caseIds() == null ? List.<UUID>of() : r.caseIds()) {
            addCase(c, caseId, user);
        }
        audit.record(user.asActor(), c.hospitalId, "teaching.course.create", TARGET + c.id, Outcome.SUCCESS, c.title);
        return view(user, c);
    }

    /** A teacher's own courses (platform admins: all); a trainee's enrolled courses. */
    public List<CourseView> list(CurrentUser user) {
        List<TeachingCourse> courses;
        if (user.hasRole(Role.PLATFORM_ADMIN)) {
            courses = TeachingCourse.listAll(Sort.descending("createdAt"));
        } else if (TeachingRoles.teaches(user)) {
            courses = TeachingCourse.list("teacherId", Sort.descending("createdAt"), user.id());
        } else {
            courses = TeachingCourse.list("id in ?1", Sort.descending("createdAt"), enrolments.coursesOfTrainee(user.id()));
        }
        audit.record(user.asActor(), user.hospital().map(HospitalView::id).orElse(null), "teaching.course.list",
                "teaching-courses", Outcome.SUCCESS, courses.size() + " courses");
        return courses.stream().map(c -> view(user, c)).toList();
    }

    public CourseView get(CurrentUser user, UUID id) {
        return view(user, require(user, id, "teaching.course.read"));
    }

    @Transactional
    public CourseView addCase(CurrentUser user, UUID id, UUID caseId) {
        TeachingCourse c = requireTeacherOf(user, id, "teaching.course.case.add");
        addCase(c, caseId, user);
        return view(user, c);
    }

    /** Enrols a county hospital's rt-staff member; their hospital may then read the course's teaching studies. */
    @Transactional
    public CourseView enrol(CurrentUser user, UUID id, EnrolRequest r) {
        TeachingCourse c = requireTeacherOf(user, id, "teaching.course.enrol");
        HospitalView hospital = hospitals.byId(r.hospitalId()).filter(h -> h.level() == HospitalLevel.COUNTY)
                .orElseThrow(() -> new ProblemException(ProblemType.VALIDATION,
                        "hospitalId: trainees are enrolled from a county hospital of the alliance"));
        StaffMember member = staff.staff(hospital, Role.RT_STAFF, null, 0, 1000).items().stream()
                .filter(m -> m.username().equalsIgnoreCase(r.username().strip())).findFirst()
                .orElseThrow(() -> new ProblemException(ProblemType.VALIDATION, "username: " + r.username()
                        + " is not radiotherapy staff (rt-staff) of " + hospital.name()));
        enrolments.enrol(c.id, new Enrolments.Trainee(member.id(), member.username(), member.displayName(),
                hospital.id(), Instant.now().truncatedTo(ChronoUnit.MICROS)));
        for (UUID caseId : enrolments.cases(c.id)) {
            TeachingCase tc = TeachingCase.findById(caseId);
            studies.grant(tc.studyUid, hospital.id(), null, user.username());
        }
        audit.record(user.asActor(), c.hospitalId, "teaching.course.enrol", TARGET + c.id, Outcome.SUCCESS,
                "trainee " + member.username());
        return view(user, c);
    }

    /** The teacher's view of standings; 403 for trainees. */
    public List<LeaderboardRow> leaderboard(CurrentUser user, UUID id) {
        TeachingCourse c = requireTeacherOf(user, id, "teaching.course.leaderboard");
        int cases = enrolments.cases(c.id).size();
        Map<String, List<TeachingAttempt>> byTrainee = new HashMap<>();
        for (TeachingAttempt a : TeachingAttempt.<TeachingAttempt>list("courseId", c.id)) {
            byTrainee.computeIfAbsent(a.traineeId, k -> new ArrayList<>()).add(a);
        }
        List<LeaderboardRow> rows = new ArrayList<>();
        for (Enrolments.Trainee t : enrolments.trainees(c.id)) {
            List<TeachingAttempt> mine = byTrainee.getOrDefault(t.traineeId(), List.of());
            double diceSum = mine.stream().mapToDouble(a -> a.meanDice == null ? 0 : a.meanDice).sum();
            List<Double> hd = mine.stream().map(a -> a.meanHd95).filter(java.util.Objects::nonNull).toList();
            rows.add(new LeaderboardRow(0, t.traineeId(), t.displayName(), hospitalName(t.hospitalId()), mine.size(),
                    cases, cases == 0 ? 0 : diceSum / cases,
                    hd.isEmpty() ? null : hd.stream().mapToDouble(Double::doubleValue).average().orElseThrow()));
        }
        rows.sort(Comparator.comparingDouble(LeaderboardRow::meanDice).reversed()
                .thenComparing(r -> r.meanHd95() == null ? Double.MAX_VALUE : r.meanHd95()));
        List<LeaderboardRow> ranked = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            LeaderboardRow r = rows.get(i);
            ranked.add(new LeaderboardRow(i + 1, r.traineeId(), r.displayName(), r.hospitalName(), r.attempted(),
                    r.cases(), r.meanDice(), r.meanHd95()));
        }
        return ranked;
    }

    /** The course when the caller teaches it (or is a platform admin) or is enrolled, audited; 404 otherwise. */
    TeachingCourse require(CurrentUser user, UUID id, String action) {
        TeachingCourse c = TeachingCourse.findById(id);
        UUID hospital = user.hospital().map(HospitalView::id).orElse(null);
        if (c == null || !(teacherOf(user, c) || enrolments.enrolled(id, user.id()))) {
            audit.record(user.asActor(), hospital, action, TARGET + id, Outcome.DENIED, null);
            throw ProblemException.notFound("course " + id);
        }
        audit.record(user.asActor(), hospital, action, TARGET + id, Outcome.SUCCESS, null);
        return c;
    }

    private TeachingCourse requireTeacherOf(CurrentUser user, UUID id, String action) {
        TeachingCourse c = require(user, id, action);
        if (!teacherOf(user, c)) {
            throw new ProblemException(ProblemType.FORBIDDEN, "only the course's teacher does this");
        }
        return c;
    }

    private static boolean teacherOf(CurrentUser user, TeachingCourse c) {
        return user.id().equals(c.teacherId) || user.hasRole(Role.PLATFORM_ADMIN);
    }

    private void addCase(TeachingCourse c, UUID caseId, CurrentUser user) {
        TeachingCase tc = TeachingCase.findById(caseId);
        if (tc == null) {
            throw new ProblemException(ProblemType.VALIDATION, "caseIds: no teaching case " + caseId);
        }
        enrolments.addCase(c.id, caseId);
        for (Enrolments.Trainee t : enrolments.trainees(c.id)) {
            studies.grant(tc.studyUid, t.hospitalId(), null, user.username());
        }
    }

    private String hospitalName(UUID id) {
        return hospitals.byId(id).map(HospitalView::name).orElse(null);
    }

    private CourseView view(CurrentUser user, TeachingCourse c) {
        boolean teaching = teacherOf(user, c);
        Map<UUID, TeachingAttempt> mine = new HashMap<>();
        TeachingAttempt.<TeachingAttempt>list("courseId = ?1 and traineeId = ?2", c.id, user.id())
                .forEach(a -> mine.put(a.caseId, a));
        List<CourseView.CourseCase> cases = new ArrayList<>();
        for (UUID caseId : enrolments.cases(c.id)) {
            TeachingCase tc = TeachingCase.findById(caseId);
            TeachingAttempt a = mine.get(caseId);
            cases.add(new CourseView.CourseCase(tc.id, tc.title, tc.site, tc.stage, TeachingCases.targetsOf(tc),
                    a == null ? null : new CourseView.MyResult(a.id, a.meanDice, a.meanHd95, a.submittedAt)));
        }
        List<CourseView.TraineeView> trainees = !teaching ? List.of() : enrolments.trainees(c.id).stream()
                .map(t -> new CourseView.TraineeView(t.traineeId(), t.username(), t.displayName(),
                        hospitalName(t.hospitalId()), t.enrolledAt())).toList();
        return new CourseView(c.id, c.title, c.description, c.teacher, c.createdAt, teaching, cases, trainees);
    }
}
