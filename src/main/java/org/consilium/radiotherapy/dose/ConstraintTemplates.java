package org.consilium.radiotherapy.dose;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.consilium.audit.AuditLog;
import org.consilium.audit.Outcome;
import org.consilium.identity.CurrentUser;
import org.consilium.identity.HospitalLevel;
import org.consilium.identity.HospitalView;
import org.consilium.identity.Role;
import org.consilium.platform.ProblemException;
import org.consilium.platform.ProblemType;

/**
 * The constraint templates, versioned per disease site and owned by the provincial hospital. The built-in
 * templates ({@link DefaultTemplates}) are version 1 of their sites; every edit through the API is a new
 * version (rt_constraint_template), never changed afterwards, and a dose review names the version it used.
 * Anyone signed in reads them; platform-admins and the provincial hospital's admins, medical physicists and
 * radiation oncologists edit them.
 */
@ApplicationScoped
public class ConstraintTemplates {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    EntityManager em;
    @Inject
    AuditLog audit;

    /** The latest version of every site, by site. */
    public List<TemplateVersion> latest() {
        Map<String, TemplateVersion> bySite = new LinkedHashMap<>();
        DefaultTemplates.all().forEach(t -> bySite.put(t.site(), new TemplateVersion(t, null, null, null)));
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select distinct on (site) " + COLUMNS
                + " from rt_constraint_template order by site, version desc").getResultList();
        rows.stream().map(ConstraintTemplates::version).forEach(v -> bySite.put(v.template().site(), v));
        return bySite.values().stream().sorted((a, b) -> a.template().site().compareTo(b.template().site())).toList();
    }

    /** The latest version of a site's template, if the site has one. */
    public Optional<ConstraintTemplate> forSite(String site) {
        return latestVersion(site).map(TemplateVersion::template);
    }

    public TemplateVersion get(String site) {
        return latestVersion(site).orElseThrow(() -> ProblemException.notFound("constraint template " + site));
    }

    /** Every version of a site's template, first to latest. */
    public List<TemplateVersion> versions(String site) {
        List<TemplateVersion> out = new ArrayList<>();
        defaultOf(site).ifPresent(t -> out.add(new TemplateVersion(t, null, null, null)));
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select " + COLUMNS + " from rt_constraint_template where site = ?1"
                + " order by version").setParameter(1, site).getResultList();
        rows.stream().map(ConstraintTemplates::version).forEach(out::add);
        if (out.isEmpty()) {
            throw ProblemException.notFound("constraint template " + site);
        }
        return out;
    }

    public TemplateVersion version(String site, int version) {
        return versions(site).stream().filter(v -> v.template().version() == version).findFirst()
                .orElseThrow(() -> ProblemException.notFound("version " + version + " of constraint template " + site));
    }

    /** A template for a new site, as its version 1; 409 when the site has one. */
    @Transactional
    public TemplateVersion create(CurrentUser user, TemplateRequest r) {
        requireEditor(user, r.site());
        if (r.site() == null) {
            throw new ProblemException(ProblemType.VALIDATION, "site: a new template names its site");
        }
        if (latestVersion(r.site()).isPresent()) {
            throw new ProblemException(ProblemType.CONFLICT, "site " + r.site() + " has a template; PUT a new version");
        }
        return insert(user, r.site(), 1, r);
    }

    /** The next version of a site's template; 409 when {@code basedOnVersion} is not the latest. */
    @Transactional
    public TemplateVersion update(CurrentUser user, String site, TemplateRequest r) {
        requireEditor(user, site);
        if (r.site() != null && !r.site().equals(site)) {
            throw new ProblemException(ProblemType.VALIDATION, "site: the body names " + r.site() + ", the path " + site);
        }
        if (r.basedOnVersion() == null) {
            throw new ProblemException(ProblemType.VALIDATION, "basedOnVersion: name the version you edited");
        }
        // one editor at a time per site: a concurrent edit waits here, then sees the new latest version
        em.createNativeQuery("select pg_advisory_xact_lock(hashtext('rt_constraint_template:' || ?1))")
                .setParameter(1, site).getSingleResult();
        int latest = get(site).template().version();
        if (r.basedOnVersion() != latest) {
            throw new ProblemException(ProblemType.CONFLICT, "template " + site + " is at version " + latest
                    + "; you edited version " + r.basedOnVersion());
        }
        return insert(user, site, latest + 1, r);
    }

    private TemplateVersion insert(CurrentUser user, String site, int version, TemplateRequest r) {
        ConstraintTemplate t = new ConstraintTemplate(site, r.name(), version, constraints(r.constraints()));
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        try {
            em.createNativeQuery("insert into rt_constraint_template (site, version, name, constraints, note, author_id,"
                            + " author, created_at) values (?1, ?2, ?3, cast(?4 as jsonb), ?5, ?6, ?7, ?8)")
                    .setParameter(1, site).setParameter(2, version).setParameter(3, r.name())
                    .setParameter(4, JSON.writeValueAsString(t.constraints())).setParameter(5, r.note())
                    .setParameter(6, user.id()).setParameter(7, user.displayName()).setParameter(8, now).executeUpdate();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        audit.record(user.asActor(), user.hospital().map(HospitalView::id).orElse(null), "rt.template.edit",
                "rt-template:" + site, Outcome.SUCCESS, "version " + version + ", " + t.constraints().size() + " constraints");
        return new TemplateVersion(t, user.displayName(), now, r.note());
    }

    /** Platform-admins; the provincial hospital's admins, medical physicists and radiation oncologists. */
    private void requireEditor(CurrentUser user, String site) {
        boolean provincial = user.hospital().map(h -> h.level() == HospitalLevel.PROVINCIAL).orElse(false);
        String discipline = user.discipline().orElse("");
        boolean editor = user.hasRole(Role.PLATFORM_ADMIN) || provincial && (user.hasRole(Role.HOSPITAL_ADMIN)
                || discipline.equals("medical-physics")
                || user.hasRole(Role.SPECIALIST) && discipline.equals("radiation-oncology"));
        if (!editor) {
            audit.record(user.asActor(), user.hospital().map(HospitalView::id).orElse(null), "rt.template.edit",
                    "rt-template:" + site, Outcome.DENIED, "not an editor of constraint templates");
            throw new ProblemException(ProblemType.FORBIDDEN, "constraint templates are edited by the provincial hospital's "
                    + "admins, physicists and radiation oncologists");
        }
    }

    /** The constraints as {@link DoseConstraint}s; 400 naming the first that is not valid. */
    private static List<DoseConstraint> constraints(List<TemplateRequest.Constraint> in) {
        List<DoseConstraint> out = new ArrayList<>();
        for (int i = 0; i < in.size(); i++) {
            TemplateRequest.Constraint c = in.get(i);
            try {
                out.add(new DoseConstraint(c.roi(), c.statistic(), c.comparator(), c.limit(), c.unit(), c.source()));
            } catch (IllegalArgumentException e) {
                throw new ProblemException(ProblemType.VALIDATION, "constraints[" + i + "]: " + e.getMessage());
            }
        }
        return out;
    }

    private static final String COLUMNS = "site, version, name, constraints::text, author, created_at, note";

    private Optional<TemplateVersion> latestVersion(String site) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select " + COLUMNS + " from rt_constraint_template where site = ?1"
                + " order by version desc limit 1").setParameter(1, site).getResultList();
        if (!rows.isEmpty()) {
            return Optional.of(version(rows.get(0)));
        }
        return defaultOf(site).map(t -> new TemplateVersion(t, null, null, null));
    }

    private static Optional<ConstraintTemplate> defaultOf(String site) {
        return DefaultTemplates.all().stream().filter(t -> t.site().equals(site)).findFirst();
    }

    private static TemplateVersion version(Object[] o) {
        try {
            List<DoseConstraint> constraints = JSON.readValue((String) o[3], new TypeReference<>() {});
            Instant created = o[5] instanceof Instant i ? i : o[5] instanceof java.time.OffsetDateTime d ? d.toInstant()
                    : ((java.sql.Timestamp) o[5]).toInstant();
            return new TemplateVersion(new ConstraintTemplate((String) o[0], (String) o[2], ((Number) o[1]).intValue(),
                    constraints), (String) o[4], created, (String) o[6]);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored constraint template unreadable: " + e.getMessage(), e);
        }
    }
}
