package org.consilium.registry.teaching;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Which trainee is enrolled where, and which cases a course holds: the link tables of the courses. */
@ApplicationScoped
public class Enrolments {

    @Inject
    EntityManager em;

    /** A trainee enrolled in a course, with the hospital their reading of the course's studies is granted to. */
    public record Trainee(String traineeId, String username, String displayName, UUID hospitalId, Instant enrolledAt) {
    }

    /** The cases of every course the trainee is enrolled in. */
    @SuppressWarnings("unchecked")
    public List<UUID> casesOfTrainee(String traineeId) {
        return em.createNativeQuery("select distinct cc.case_id from teaching_course_case cc join teaching_enrolment e"
                + " on e.course_id = cc.course_id where e.trainee_id = ?1").setParameter(1, traineeId).getResultList();
    }

    boolean enrolled(UUID courseId, String traineeId) {
        return !em.createNativeQuery("select 1 from teaching_enrolment where course_id = ?1 and trainee_id = ?2")
                .setParameter(1, courseId).setParameter(2, traineeId).getResultList().isEmpty();
    }

    @SuppressWarnings("unchecked")
    List<UUID> coursesOfTrainee(String traineeId) {
        return em.createNativeQuery("select course_id from teaching_enrolment where trainee_id = ?1")
                .setParameter(1, traineeId).getResultList();
    }

    @SuppressWarnings("unchecked")
    List<UUID> cases(UUID courseId) {
        return em.createNativeQuery("select case_id from teaching_course_case where course_id = ?1 order by position")
                .setParameter(1, courseId).getResultList();
    }

    @SuppressWarnings("unchecked")
    List<Trainee> trainees(UUID courseId) {
        List<Object[]> rows = em.createNativeQuery("select trainee_id, username, display_name, hospital_id, enrolled_at"
                + " from teaching_enrolment where course_id = ?1 order by enrolled_at").setParameter(1, courseId)
                .getResultList();
        return rows.stream().map(r -> new Trainee((String) r[0], (String) r[1], (String) r[2], (UUID) r[3],
                r[4] instanceof Instant i ? i : ((java.time.OffsetDateTime) r[4]).toInstant())).toList();
    }

    void addCase(UUID courseId, UUID caseId) {
        em.createNativeQuery("insert into teaching_course_case (course_id, case_id, position) values (?1, ?2,"
                        + " (select coalesce(max(position), 0) + 1 from teaching_course_case where course_id = ?1))"
                        + " on conflict do nothing")
                .setParameter(1, courseId).setParameter(2, caseId).executeUpdate();
    }

    void enrol(UUID courseId, Trainee t) {
        em.createNativeQuery("insert into teaching_enrolment (course_id, trainee_id, username, display_name, hospital_id,"
                        + " enrolled_at) values (?1, ?2, ?3, ?4, ?5, ?6) on conflict do nothing")
                .setParameter(1, courseId).setParameter(2, t.traineeId()).setParameter(3, t.username())
                .setParameter(4, t.displayName()).setParameter(5, t.hospitalId()).setParameter(6, t.enrolledAt())
                .executeUpdate();
    }
}
