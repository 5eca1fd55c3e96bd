package org.consilium.consult.recommendation;

import org.consilium.consult.ConsultView;

/**
 * Fired inside the transaction in which the last participant signs: follow-up tasks are created in it, and
 * after it commits the report goes back to the requesting hospital.
 */
public record RecommendationSigned(RecommendationView recommendation, ConsultView consult) {
}
