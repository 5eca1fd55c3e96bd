package org.consilium.registry.record;

import java.util.Set;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.HumanName;

/**
 * A patient's name as FHIR's HumanName, from the one display name the system keeps. US Core (us-core-6) wants the
 * family or given name, or a data-absent reason: a Chinese name of two to four Han characters is split after its
 * surname (a compound surname, 复姓, when it begins with one), a DICOM-style {@code FAMILY^GIVEN} at the caret; any
 * other name keeps its text only, with the data-absent reason {@code unsupported}, since which part is the family name
 * cannot be told.
 */
final class PatientName {

    static final String DATA_ABSENT_REASON = "http://hl7.org/fhir/StructureDefinition/data-absent-reason";

    private static final Pattern HAN = Pattern.compile("\\p{IsHan}{2,4}");
    private static final Set<String> COMPOUND_SURNAMES = Set.of("欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟",
            "公孙", "慕容", "长孙", "宇文", "司徒", "夏侯", "轩辕", "令狐", "钟离", "端木", "南宫", "西门", "独孤", "澹台",
            "公冶", "太史", "申屠", "呼延", "万俟", "闻人", "赫连", "百里", "东郭", "南门", "羊舌", "微生", "梁丘", "左丘");

    private PatientName() {
    }

    static HumanName of(String name) {
        HumanName out = new HumanName().setText(name).setUse(HumanName.NameUse.OFFICIAL);
        String n = name == null ? "" : name.strip();
        int caret = n.indexOf('^');
        if (caret > 0) {
            out.setFamily(n.substring(0, caret).strip());
            String given = n.substring(caret + 1).replace('^', ' ').strip();
            if (!given.isEmpty()) {
                out.addGiven(given);
            }
        } else if (HAN.matcher(n).matches()) {
            int surname = n.length() > 2 && COMPOUND_SURNAMES.contains(n.substring(0, 2)) ? 2 : 1;
            out.setFamily(n.substring(0, surname)).addGiven(n.substring(surname));
        } else {
            out.addExtension(DATA_ABSENT_REASON, new CodeType("unsupported"));
        }
        return out;
    }
}
