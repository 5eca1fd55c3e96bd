package org.consilium.registry.statistics;

import static org.consilium.registry.statistics.Counts.count;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Screening programmes (科普宣教与筛查): the four rates of docs/case-management.md over people invited in the window. */
@ApplicationScoped
class ScreeningSection implements Section {

    private static final String HIGH = "(p.questionnaire_high_risk or p.fit_result = 'POSITIVE')";

    private static final String PEOPLE = "select count(*),"
            + " count(*) filter (where p.questionnaire_high_risk is not null or p.fit_result is not null),"
            + " count(*) filter (where " + HIGH + "),"
            + " count(*) filter (where p.colonoscopy_on is not null),"
            + " count(*) filter (where p.colonoscopy_on is not null and " + HIGH + "),"
            + " count(*) filter (where p.colonoscopy_on is not null and p.finding in ('CANCER', 'PRECANCEROUS'))"
            + " from screening_participant p where p.hospital_id in (:hospitals)"
            + " and p.invited_on >= cast(:from as date) and p.invited_on <= cast(:to as date)";

    private static final String TARGET = "select coalesce(sum(t.population), 0) from screening_target t"
            + " join screening_programme g on g.id = t.programme_id where t.hospital_id in (:hospitals)"
            + " and g.year >= extract(year from cast(:from as date)) and g.year <= extract(year from cast(:to as date))";

    @Inject
    Counts counts;

    @Override
    public String name() {
        return "screening";
    }

    @Override
    public void add(Window w, Sheet out) {
        // every programme when none is named: spelt out (as an array, not a join), so that the (programme, hospital)
        // index finds one hospital's people
        String programme = w.programmeId() == null
                ? " and p.programme_id = any (array(select g.id from screening_programme g))"
                : " and p.programme_id = :programme";
        Object[] p = counts.one(PEOPLE + programme, w);
        Object[] t = counts.one(TARGET + (w.programmeId() == null ? "" : " and g.id = :programme"), w);
        long invited = count(p[0]);
        long screened = count(p[1]);
        long high = count(p[2]);
        out.count("screening.invited", invited);
        out.rate("screening.rate", screened, count(t[0]));
        out.rate("screening.highRiskRate", high, screened);
        out.rate("screening.colonoscopyCompletion", count(p[4]), high);
        out.rate("screening.positiveDetectionRate", count(p[5]), count(p[3]));
    }
}
