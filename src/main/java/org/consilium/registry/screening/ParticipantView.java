package org.consilium.registry.screening;

import java.time.LocalDate;
import java.util.UUID;

/** A person in a programme, with the stage their results put them in. */
public record ParticipantView(UUID id, UUID programmeId, UUID hospitalId, String localId, String name, String sex,
                              LocalDate birthDate, LocalDate invitedOn, Boolean questionnaireHighRisk,
                              FitResult fitResult, LocalDate colonoscopyOn, Finding finding, String pathology,
                              Stage stage, UUID tumorReportId, long version) {

    static ParticipantView of(Participant p) {
        return new ParticipantView(p.id, p.programmeId, p.hospitalId, p.localId, p.name, p.sex, p.birthDate,
                p.invitedOn, p.questionnaireHighRisk, p.fitResult, p.colonoscopyOn, p.finding, p.pathology,
                Stage.of(p), p.tumorReportId, p.version);
    }
}
