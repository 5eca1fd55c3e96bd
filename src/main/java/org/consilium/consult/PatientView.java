package org.consilium.consult;

import java.time.LocalDate;
import java.util.UUID;

/** A patient as the API shows it. */
public record PatientView(UUID id, UUID hospitalId, String localId, String name, String sex, LocalDate birthDate,
                          String idCard, String mrn, long version) {

    static PatientView of(Patient p) {
        return new PatientView(p.id, p.hospitalId, p.localId, p.name, p.sex, p.birthDate, p.idCard, p.mrn, p.version);
    }
}
