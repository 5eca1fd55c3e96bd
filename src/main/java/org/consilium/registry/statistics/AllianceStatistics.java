package org.consilium.registry.statistics;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.consilium.audit.AuditLog;
import org.consilium.audit.Outcome;
import org.consilium.identity.CurrentUser;
import org.consilium.identity.HospitalAccess;
import org.consilium.identity.HospitalView;
import org.consilium.platform.ProblemException;
import org.consilium.platform.ProblemType;
import org.consilium.registry.RegistryScope;
import org.consilium.registry.screening.ScreeningProgramme;
import org.consilium.registry.screening.ScreeningTarget;

/**
 * The statistics dashboard: one hospital's figures, or every hospital's the caller may see (their own; the
 * alliance for provincial case managers and platform admins), over a date range. Counts only, no person; the read
 * is audited like any other.
 */
@ApplicationScoped
public class AllianceStatistics {

    /** The longest range one request may ask for. */
    static final long MAX_DAYS = 3700;

    @Inject
    RegistryScope scope;
    @Inject
    HospitalAccess access;
    @Inject
    AuditLog audit;
    @Inject
    EntityManager em;
    @Inject
    ScreeningSection screening;
    @Inject
    ReportSection reports;
    @Inject
    ConsultSection consults;
    @Inject
    ReviewSection reviews;
    @Inject
    ReferralSection referrals;
    @Inject
    FollowUpSection followUp;

    private final Map<String, Section> sections = new LinkedHashMap<>();

    @PostConstruct
    void order() {
        for (Section s : List.of(screening, reports, consults, reviews, referrals, followUp)) {
            sections.put(s.name(), s);
        }
    }

    /** The section names, in dashboard order. */
    public Set<String> sectionNames() {
        return sections.keySet();
    }

    /**
     * @param from      first day (default: the first day of the month eleven months back)
     * @param to        last day, included (default: today, Asia/Shanghai)
     * @param hospital  one hospital the caller may see (404 otherwise), or null for all of them
     * @param programme a screening programme to narrow the screening figures to, or null
     * @param only      the sections to work out, or empty for all
     */
    @Transactional
    public Dashboard dashboard(CurrentUser user, LocalDate from, LocalDate to, UUID hospital, UUID programme,
                               Set<String> only) {
        LocalDate last = to != null ? to : LocalDate.now(Window.ZONE);
        LocalDate first = from != null ? from : last.withDayOfMonth(1).minusMonths(11);
        if (first.isAfter(last) || ChronoUnit.DAYS.between(first, last) > MAX_DAYS) {
            throw new ProblemException(ProblemType.VALIDATION, "from, to: the range must run forward and span at most "
                    + MAX_DAYS + " days (日期范围无效)");
        }
        for (String s : only) {
            if (!sections.containsKey(s)) {
                throw new ProblemException(ProblemType.VALIDATION, "sections: " + s + " is not one of "
                        + sections.keySet());
            }
        }
        List<UUID> hospitals = hospital != null
                ? List.of(access.requireVisible(user, hospital, "registry.statistics.read").id())
                : scope.visibleHospitals(user);
        if (programme != null) {
            requireProgramme(user, programme);
        }
        // one county's week or the alliance's two years: plan each query for its own window and hospitals, never
        // with the generic plan PostgreSQL caches for a statement prepared on the connection (it guesses a few
        // hundred rows where there are 80,000, and then looks each one up)
        em.createNativeQuery("set local plan_cache_mode = force_custom_plan").executeUpdate();
        Window w = new Window(user, hospitals, first, last, programme);
        Sheet sheet = new Sheet();
        sections.values().stream().filter(s -> only.isEmpty() || only.contains(s.name())).forEach(s -> s.add(w, sheet));
        Dashboard.Scope kind = hospital != null || hospitals.size() == 1 ? Dashboard.Scope.HOSPITAL
                : Dashboard.Scope.ALLIANCE;
        audit.record(user.asActor(), user.hospital().map(HospitalView::id).orElse(null), "registry.statistics.read",
                "statistics:" + (hospital != null ? hospital : kind.name().toLowerCase()), Outcome.SUCCESS,
                first + " .. " + last + (programme != null ? " programme " + programme : ""));
        return new Dashboard(first, last, kind, hospital, programme, hospitals, sheet.figures, sheet.breakdowns);
    }

    /** A programme with a member unit the caller may see; 404 otherwise, as for one that does not exist. */
    private void requireProgramme(CurrentUser user, UUID programme) {
        boolean visible = ScreeningProgramme.findByIdOptional(programme).isPresent()
                && ScreeningTarget.<ScreeningTarget>list("key.programmeId", programme).stream()
                        .anyMatch(t -> scope.maySee(user, t.key.hospitalId()));
        if (!visible) {
            throw ProblemException.notFound("Screening programme " + programme);
        }
    }
}
