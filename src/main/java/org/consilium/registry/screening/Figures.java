package org.consilium.registry.screening;

import java.util.UUID;

/**
 * A programme's figures for one member unit, or for all of them when {@code hospitalId} is null. Rates are
 * fractions (0–1), null when their denominator is zero:
 * <ul>
 * <li>screening rate = people screened (a questionnaire or FIT result) / target population;</li>
 * <li>high-risk rate = people at high risk (questionnaire or positive FIT) / people screened;</li>
 * <li>colonoscopy completion = high-risk people with a colonoscopy / people at high risk;</li>
 * <li>positive-detection rate = colonoscopies finding cancer or a precancerous lesion / colonoscopies.</li>
 * </ul>
 */
public record Figures(UUID hospitalId, String hospitalName, long target, long invited, long screened, long highRisk,
                      long colonoscopies, long highRiskColonoscopies, long cancers, long precancerous,
                      Double screeningRate, Double highRiskRate, Double colonoscopyCompletion,
                      Double positiveDetectionRate) {

    static Figures of(UUID hospitalId, String hospitalName, long target, long invited, long screened, long highRisk,
                      long colonoscopies, long highRiskColonoscopies, long cancers, long precancerous) {
        return new Figures(hospitalId, hospitalName, target, invited, screened, highRisk, colonoscopies,
                highRiskColonoscopies, cancers, precancerous, rate(screened, target), rate(highRisk, screened),
                rate(highRiskColonoscopies, highRisk), rate(cancers + precancerous, colonoscopies));
    }

    Figures plus(Figures o) {
        return of(null, null, target + o.target, invited + o.invited, screened + o.screened, highRisk + o.highRisk,
                colonoscopies + o.colonoscopies, highRiskColonoscopies + o.highRiskColonoscopies, cancers + o.cancers,
                precancerous + o.precancerous);
    }

    private static Double rate(long numerator, long denominator) {
        return denominator == 0 ? null : (double) numerator / denominator;
    }
}
