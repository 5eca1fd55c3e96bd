package org.consilium.identity;

import java.util.UUID;

/** A hospital as the API shows it. */
public record HospitalView(UUID id, String alias, String name, String nameEn, HospitalLevel level) {

    static HospitalView of(Hospital h) {
        return new HospitalView(h.id, h.alias, h.name, h.nameEn, h.level);
    }
}
