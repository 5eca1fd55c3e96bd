package org.consilium.registry.followup;

import java.time.LocalDate;
import java.util.List;
import org.consilium.platform.Problem;
import org.consilium.platform.ProblemException;
import org.consilium.platform.ProblemType;

/** What a follow-up outcome must hold together, checked before anything is stored. */
final class OutcomeRules {

    private OutcomeRules() {
    }

    static void check(OutcomeRequest r, LocalDate recordedDeath, LocalDate today) {
        if (r.contactedOn().isAfter(today)) {
            throw invalid("contactedOn", r.contactedOn() + " is in the future (随访日期不能晚于今天)");
        }
        if (recordedDeath != null && r.contactedOn().isAfter(recordedDeath)) {
            throw invalid("contactedOn", "the patient died on " + recordedDeath + "; no contact after that is recorded"
                    + " (患者已于 " + recordedDeath + " 死亡)");
        }
        if (!r.reached()) {
            if (r.vitalStatus() != null || r.recist() != null) {
                throw invalid("vitalStatus", "a contact that did not reach the patient reports no findings"
                        + "（未联系上患者时不填写随访结果）");
            }
            return;
        }
        if (r.vitalStatus() == null) {
            throw invalid("vitalStatus", "a reached contact says whether the patient is alive"
                    + "（联系上患者时须填写生存状态）");
        }
        if (r.vitalStatus() == FollowUpVisit.VitalStatus.DECEASED) {
            if (r.deathDate() == null) {
                throw invalid("deathDate", "a deceased patient's date of death is required（须填写死亡日期）");
            }
            if (r.deathDate().isAfter(r.contactedOn())) {
                throw invalid("deathDate", r.deathDate() + " is after the contact of " + r.contactedOn()
                        + " that reports it (死亡日期晚于随访日期)");
            }
        } else if (r.deathDate() != null) {
            throw invalid("deathDate", "only a deceased patient has one（仅死亡患者填写死亡日期）");
        }
    }

    static String summary(OutcomeRequest r) {
        if (!r.reached()) {
            return "not reached on " + r.contactedOn();
        }
        return r.vitalStatus() == FollowUpVisit.VitalStatus.DECEASED ? "deceased on " + r.deathDate()
                : "alive" + (Boolean.TRUE.equals(r.recurrence()) ? ", recurrence" : "")
                + (Boolean.TRUE.equals(r.progression()) ? ", progression" : "")
                + (r.recist() == null ? "" : ", RECIST " + r.recist());
    }

    static String summaryZh(OutcomeRequest r) {
        if (!r.reached()) {
            return r.contactedOn() + " 未联系上";
        }
        return r.vitalStatus() == FollowUpVisit.VitalStatus.DECEASED ? "已于 " + r.deathDate() + " 死亡"
                : "生存" + (Boolean.TRUE.equals(r.recurrence()) ? "，复发" : "")
                + (Boolean.TRUE.equals(r.progression()) ? "，进展" : "")
                + (r.recist() == null ? "" : "，RECIST " + r.recist());
    }

    /** A 400 naming the field, in the detail and in {@code errors[]}, so a form shows it beside that field. */
    private static ProblemException invalid(String field, String message) {
        return new ProblemException(ProblemType.VALIDATION, field + ": " + message,
                List.of(new Problem.FieldError(field, message)));
    }
}
