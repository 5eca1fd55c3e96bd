package org.consilium.registry.teaching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Free text of a teaching case loses the patient's identifiers and anything shaped like one. */
class RedactionTest {

    private final Redaction redaction = new Redaction(Arrays.asList("ZHANG^SAN=张^三", "CN-0001", null, " ",
            "330522195602031234", "长兴县人民医院"));

    @Test
    void removesThePatientsNamePartsIdsAndHospital() {
        assertEquals("[*]（[*]，[*]）在[*]确诊，[*] 复查。",
                redaction.apply("张三（CN-0001，330522195602031234）在长兴县人民医院确诊，zhang san 复查。"));
        assertEquals("[*] 70岁, [*]", redaction.apply("Zhang San 70岁, ZHANG"));
    }

    @Test
    void removesIdCardMobileAndDateShapesOfAnyone() {
        assertEquals("家属 [*]，电话 [*]，2026 年随访，于 [*] 手术",
                redaction.apply("家属 11010519491231002X，电话 13812345678，2026 年随访，于 2026-11-02 手术"));
        assertEquals("T2a N1 M0, stage IIB, 60 Gy / 30 fx", redaction.apply("T2a N1 M0, stage IIB, 60 Gy / 30 fx"));
        assertNull(redaction.apply(null));
    }
}
