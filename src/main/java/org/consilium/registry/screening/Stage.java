package org.consilium.registry.screening;

/** Where a person stands, derived from their results (never stored, so it cannot disagree with them). */
public enum Stage {
    /** Invited; no questionnaire or FIT result yet. */
    INVITED,
    /** Screened and not at high risk. */
    LOW_RISK,
    /** High risk (questionnaire or positive FIT); colonoscopy awaited. */
    HIGH_RISK,
    /** Colonoscopy done; see the finding. */
    COLONOSCOPY_DONE;

    static Stage of(Participant p) {
        if (p.colonoscopyOn != null) {
            return COLONOSCOPY_DONE;
        }
        if (p.questionnaireHighRisk == null && p.fitResult == null) {
            return INVITED;
        }
        return p.highRisk() ? HIGH_RISK : LOW_RISK;
    }
}
