package org.consilium.consult.recommendation;

import org.consilium.consult.ConsultView;

/**
 * Fired inside the transaction in which the last participant signs: the follow-up it plans joins the patient's
 * follow-up schedule in it (the registry's observer), and after it commits the report goes back to the requesting
 * hospital.
 */
public record RecommendationSigned(RecommendationView recommendation, ConsultView consult) {
}
