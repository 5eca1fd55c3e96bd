package org.consilium.registry.timeline;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import org.consilium.consult.ConsultRequests;
import org.consilium.consult.ConsultSummary;
import org.consilium.consult.PatientView;
import org.consilium.consult.recommendation.RecommendationView;
import org.consilium.consult.recommendation.Recommendations;
import org.consilium.identity.CurrentUser;

/**
 * The patient's consults and their recommendations, read through the consult capability's own API, which applies its visibility rule (the requesting county, coordinators, assigned specialists).
 */
@ApplicationScoped
public class ConsultTimeline implements TimelineSource {

    @Inject
    ConsultRequests consults;
    @Inject
    Recommendations recommendations;

    @Override
    public List<TimelineEntry> entries(CurrentUser user, PatientView patient) {
        List<TimelineEntry> out = new ArrayList<>();
        for (ConsultSummary c : consults.list(user, null, patient.id(), 0, MAX).items()) {
            String disciplines = String.join("、", c.requestedDisciplines());
            out.add(new TimelineEntry("consult", c.id(), null, c.createdAt(), false, c.hospitalName(),
                    "会诊申请（" + disciplines + "）", "Consult request (" + disciplines + ")", c.state().name(),
                    c.requestedBy()));
            for (RecommendationView r : recommendations.list(user, c.id())) {
                out.add(new TimelineEntry("recommendation", r.id(), c.id(),
                        r.signedAt() != null ? r.signedAt() : r.finalisedAt() != null ? r.finalisedAt() : r.createdAt(),
                        false, c.hospitalName(), "MDT 诊疗意见（第 " + r.revision() + " 版）",
                        "MDT recommendation (revision " + r.revision() + ")", r.state().name(), r.chairName()));
            }
        }
        return out;
    }
}
