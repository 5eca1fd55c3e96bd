package org.consilium.registry.followup;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Follow-up templates: visit intervals by phase, e.g. every 3 months for 2 years, then every 6 months to 5 years
 * (the common pattern of the NCCN and CSCO surveillance guidelines). {@link #forTumor} picks one by cancer type
 * (ICD-10 category) and stage.
 */
public enum FollowUpTemplate {
    /** Stage 0–I, most sites: every 6 months to 5 years. */
    EARLY(new Phase(6, 60)),
    /** Stage II, most sites: every 3 months for 2 years, then every 6 months to 5 years. */
    STANDARD(new Phase(3, 24), new Phase(6, 60)),
    /** Stage III–IV, and lung or liver at any stage: every 3 months for 3 years, then every 6 months to 5 years. */
    INTENSIVE(new Phase(3, 36), new Phase(6, 60)),
    /** Breast: every 6 months for 5 years, then yearly to 10 years. */
    BREAST(new Phase(6, 60), new Phase(12, 120));

    /** Every {@code everyMonths} months until {@code untilMonths} after the start. */
    public record Phase(int everyMonths, int untilMonths) {
    }

    private final List<Phase> phases;

    FollowUpTemplate(Phase... phases) {
        this.phases = List.of(phases);
    }

    public static FollowUpTemplate forTumor(String icd10, String stage) {
        String category = icd10.length() >= 3 ? icd10.substring(0, 3) : icd10;
        if (category.equals("C50")) {
            return BREAST;
        }
        boolean advanced = stage.startsWith("III") || stage.startsWith("IV");
        if (advanced || category.equals("C34") || category.equals("C22")) {
            return INTENSIVE;
        }
        return stage.equals("0") || stage.startsWith("I") && !stage.startsWith("II") ? EARLY : STANDARD;
    }

    /** The visit dates from {@code start}: one at each interval of each phase, the first one interval in. */
    public List<LocalDate> visits(LocalDate start) {
        List<LocalDate> dates = new ArrayList<>();
        int month = 0;
        for (Phase p : phases) {
            for (month += p.everyMonths(); month <= p.untilMonths(); month += p.everyMonths()) {
                dates.add(start.plusMonths(month));
            }
            month -= p.everyMonths();
        }
        return dates;
    }
}
