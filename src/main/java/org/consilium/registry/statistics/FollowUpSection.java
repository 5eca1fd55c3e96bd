package org.consilium.registry.statistics;

import static org.consilium.registry.statistics.Counts.count;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;

/**
 * The follow-up loop (随访): adherence and overdue visits among the visits due in the window up to yesterday, counted
 * by the hospital of their schedule (copied onto each visit, V54).
 */
@ApplicationScoped
class FollowUpSection implements Section {

    private static final String VISITS = "select count(*) filter (where v.state <> 'CANCELLED'),"
            + " count(*) filter (where v.state = 'DONE'), count(*) filter (where v.state = 'OPEN')"
            + " from follow_up_visit v where v.hospital_id in (:hospitals)"
            + " and v.due_on >= cast(:from as date) and v.due_on <= cast(:to as date)";

    @Inject
    Counts counts;

    @Override
    public String name() {
        return "followUp";
    }

    @Override
    public void add(Window w, Sheet out) {
        LocalDate yesterday = LocalDate.now(Window.ZONE).minusDays(1);
        Window due = new Window(w.user(), w.hospitals(), w.from(), w.to().isAfter(yesterday) ? yesterday : w.to(),
                w.programmeId());
        long[] v = {0, 0, 0};
        if (!due.to().isBefore(due.from())) {
            Object[] r = counts.one(VISITS, due);
            v = new long[] {count(r[0]), count(r[1]), count(r[2])};
        }
        out.rate("followUp.adherence", v[1], v[0]);
        out.count("followUp.overdue", v[2]);
    }
}
