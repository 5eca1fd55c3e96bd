package org.consilium.registry.statistics;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.List;
import org.consilium.radiotherapy.ReviewStatistics;

/** Radiotherapy review: plans reviewed, approved on the first pass, the most-edited ROIs and their median Dice. */
@ApplicationScoped
class ReviewSection implements Section {

    /** How many ROIs the most-edited list shows. */
    static final int ROIS = 10;

    @Inject
    ReviewStatistics reviews;

    @Override
    public String name() {
        return "rt";
    }

    @Override
    public void add(Window w, Sheet out) {
        ReviewStatistics.Figures f = reviews.figures(w.user(), w.hospitals(), w.start(), w.end(), ROIS);
        out.count("rt.reviews", f.reviews());
        out.rate("rt.firstPassApproval", f.approvedFirstPass(), f.decided());
        out.breakdown("rt.rois", List.of("edits", "medianDice"), f.rois().stream()
                .map(r -> new Breakdown.Row(r.roi(), Arrays.asList((double) r.edits(), r.medianDice()))).toList());
    }
}
