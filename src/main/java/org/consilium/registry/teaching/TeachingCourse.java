package org.consilium.registry.teaching;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A course: a teacher of the provincial hospital, its cases (teaching_course_case) and trainees (teaching_enrolment). */
@Entity
@Table(name = "teaching_course")
public class TeachingCourse extends PanacheEntityBase {

    @Id
    public UUID id;
    public String title;
    public String description;
    @Column(name = "hospital_id")
    public UUID hospitalId;
    @Column(name = "teacher_id")
    public String teacherId;
    public String teacher;
    @Column(name = "created_at")
    public Instant createdAt;
}
