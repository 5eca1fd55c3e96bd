package org.consilium.registry.screening;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A programme with its education sessions and its figures per member unit and in total. */
public record ProgrammeView(UUID id, String name, String site, int year, UUID organiserHospitalId, String createdBy,
                            Instant createdAt, List<Session> sessions, List<Figures> hospitals, Figures total) {

    public record Session(UUID id, UUID hospitalId, LocalDate heldOn, String place, String topic, int attendance) {

        static Session of(EducationSession s) {
            return new Session(s.id, s.hospitalId, s.heldOn, s.place, s.topic, s.attendance);
        }
    }
}
