package org.consilium.registry.screening;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.consilium.audit.AuditLog;
import org.consilium.audit.Outcome;
import org.consilium.identity.CurrentUser;
import org.consilium.identity.HospitalDirectory;
import org.consilium.identity.HospitalView;
import org.consilium.platform.Page;
import org.consilium.platform.ProblemException;
import org.consilium.platform.ProblemType;
import org.consilium.platform.UuidV7;
import org.consilium.registry.RegistryScope;

/**
 * Screening programmes: created by a case manager with the population each member unit is to screen, their
 * education sessions, and their figures. A caller sees a programme when one of its member units is theirs to
 * see, and its figures for those units only.
 */
@ApplicationScoped
public class ScreeningProgrammes {

    @Inject
    RegistryScope scope;
    @Inject
    HospitalDirectory hospitals;
    @Inject
    AuditLog audit;
    @Inject
    EntityManager em;

    @Transactional
    public ProgrammeView create(CurrentUser user, ProgrammeRequest r) {
        RegistryScope.requireCaseManager(user);
        HospitalView own = scope.ownHospital(user);
        Set<UUID> seen = new HashSet<>();
        for (ProgrammeRequest.Target t : r.targets()) {
            scope.member("targets.hospitalId", t.hospitalId());
            if (!scope.maySee(user, t.hospitalId())) {
                throw new ProblemException(ProblemType.VALIDATION, "targets.hospitalId: " + t.hospitalId()
                        + " is not a hospital you manage (不是您管理的单位)");
            }
            if (!seen.add(t.hospitalId())) {
                throw new ProblemException(ProblemType.VALIDATION, "targets: hospital " + t.hospitalId() + " twice");
            }
        }
        ScreeningProgramme p = new ScreeningProgramme();
        p.id = UuidV7.next();
        p.name = r.name().strip();
        p.site = r.site();
        p.year = r.year();
        p.organiserHospitalId = own.id();
        p.createdBy = user.displayName();
        p.createdAt = Instant.now();
        p.persist();
        for (ProgrammeRequest.Target t : r.targets()) {
            ScreeningTarget target = new ScreeningTarget();
            target.key = new ScreeningTarget.Key(p.id, t.hospitalId());
            target.population = t.population();
            target.persist();
        }
        audit.record(user.asActor(), own.id(), "screening.programme.create", target(p.id), Outcome.SUCCESS,
                p.name + ", " + r.targets().size() + " member units");
        return view(user, p);
    }

    /** The programmes with a member unit the caller may see, newest year first. */
    @Transactional
    public Page<ProgrammeView> list(CurrentUser user, int offset, int limit) {
        List<UUID> visible = scope.visibleHospitals(user);
        var q = ScreeningProgramme.<ScreeningProgramme>find("id in (select t.key.programmeId from ScreeningTarget t"
                + " where t.key.hospitalId in ?1)", Sort.descending("year", "createdAt"), visible);
        List<ProgrammeView> items = q.range(offset, offset + limit - 1).list().stream().map(p -> view(user, p)).toList();
        audit.record(user.asActor(), user.hospital().map(HospitalView::id).orElse(null), "screening.programme.list",
                "screening", Outcome.SUCCESS, items.size() + " programmes");
        return new Page<>(items, q.count(), offset, limit);
    }

    @Transactional
    public ProgrammeView get(CurrentUser user, UUID id) {
        ProgrammeView v = view(user, require(user, id));
        audit.record(user.asActor(), user.hospital().map(HospitalView::id).orElse(null), "screening.programme.read",
                target(id), Outcome.SUCCESS, null);
        return v;
    }

    @Transactional
    public ProgrammeView.Session addSession(CurrentUser user, UUID programmeId, SessionRequest r) {
        ScreeningProgramme p = require(user, programmeId);
        UUID hospital = memberUnit(user, p.id, r.hospitalId());
        EducationSession s = new EducationSession();
        s.id = UuidV7.next();
        s.programmeId = p.id;
        s.hospitalId = hospital;
        s.heldOn = r.heldOn();
        s.place = r.place().strip();
        s.topic = r.topic() == null || r.topic().isBlank() ? null : r.topic().strip();
        s.attendance = r.attendance();
        s.persist();
        audit.record(user.asActor(), hospital, "screening.session.add", target(p.id), Outcome.SUCCESS,
                s.heldOn + " " + s.place + ", " + s.attendance + " attended");
        return ProgrammeView.Session.of(s);
    }

    /** The programme, if one of its member units is the caller's to see; 404 otherwise. */
    ScreeningProgramme require(CurrentUser user, UUID id) {
        ScreeningProgramme p = ScreeningProgramme.findById(id);
        if (p == null || targetsOf(id).keySet().stream().noneMatch(h -> scope.maySee(user, h))) {
            throw ProblemException.notFound("Screening programme " + id);
        }
        return p;
    }

    /**
     * The member unit a caller acts for in a programme: the one named; else their own hospital when it is one of
     * the programme's, else the programme's only unit they may see (a provincial case manager running one
     * county's programme). 400 when it is not one of the programme's or cannot be told, 403 when it is not
     * theirs to see.
     */
    UUID memberUnit(CurrentUser user, UUID programmeId, UUID named) {
        Map<UUID, Integer> targets = targetsOf(programmeId);
        UUID hospital = named != null ? named : defaultUnit(user, targets.keySet());
        if (!targets.containsKey(hospital)) {
            throw new ProblemException(ProblemType.VALIDATION, "hospitalId: " + hospital
                    + " is not a member unit of this programme (不是本筛查项目的成员单位)");
        }
        if (!scope.maySee(user, hospital)) {
            throw new ProblemException(ProblemType.FORBIDDEN, "You do not act for hospital " + hospital);
        }
        return hospital;
    }

    private UUID defaultUnit(CurrentUser user, Set<UUID> units) {
        UUID own = scope.ownHospital(user).id();
        if (units.contains(own)) {
            return own;
        }
        List<UUID> visible = units.stream().filter(h -> scope.maySee(user, h)).toList();
        if (visible.size() == 1) {
            return visible.get(0);
        }
        throw new ProblemException(ProblemType.VALIDATION, "hospitalId: name the member unit (hospital / 单位),"
                + " this programme has " + visible.size() + " of yours (请注明成员单位)");
    }

    private Map<UUID, Integer> targetsOf(UUID programmeId) {
        Map<UUID, Integer> targets = new HashMap<>();
        for (ScreeningTarget t : ScreeningTarget.<ScreeningTarget>list("key.programmeId", programmeId)) {
            targets.put(t.key.hospitalId(), t.population);
        }
        return targets;
    }

    private ProgrammeView view(CurrentUser user, ScreeningProgramme p) {
        Map<UUID, Integer> targets = targetsOf(p.id);
        Map<UUID, long[]> counts = counts(p.id);
        List<Figures> perHospital = new ArrayList<>();
        Figures total = Figures.of(null, null, 0, 0, 0, 0, 0, 0, 0, 0);
        for (var t : targets.entrySet()) {
            if (!scope.maySee(user, t.getKey())) {
                continue;
            }
            long[] c = counts.getOrDefault(t.getKey(), new long[7]);
            String name = hospitals.byId(t.getKey()).map(HospitalView::name).orElse(null);
            Figures f = Figures.of(t.getKey(), name, t.getValue(), c[0], c[1], c[2], c[3], c[4], c[5], c[6]);
            perHospital.add(f);
            total = total.plus(f);
        }
        perHospital.sort((a, b) -> String.valueOf(a.hospitalName()).compareTo(String.valueOf(b.hospitalName())));
        List<ProgrammeView.Session> sessions = EducationSession.<EducationSession>list("programmeId = ?1",
                        Sort.descending("heldOn"), p.id).stream()
                .filter(s -> scope.maySee(user, s.hospitalId)).map(ProgrammeView.Session::of).toList();
        return new ProgrammeView(p.id, p.name, p.site, p.year, p.organiserHospitalId, p.createdBy, p.createdAt,
                sessions, perHospital, total);
    }

    /** Per member unit: invited, screened, high risk, colonoscopies, of them after high risk, cancers, precancerous. */
    private Map<UUID, long[]> counts(UUID programmeId) {
        String high = "(questionnaire_high_risk or fit_result = 'POSITIVE')";
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select hospital_id, count(*),"
                        + " count(*) filter (where questionnaire_high_risk is not null or fit_result is not null),"
                        + " count(*) filter (where " + high + "),"
                        + " count(*) filter (where colonoscopy_on is not null),"
                        + " count(*) filter (where colonoscopy_on is not null and " + high + "),"
                        + " count(*) filter (where finding = 'CANCER'),"
                        + " count(*) filter (where finding = 'PRECANCEROUS')"
                        + " from screening_participant where programme_id = ?1 group by hospital_id")
                .setParameter(1, programmeId).getResultList();
        Map<UUID, long[]> counts = new HashMap<>();
        for (Object[] row : rows) {
            long[] c = new long[7];
            for (int i = 0; i < 7; i++) {
                c[i] = ((Number) row[i + 1]).longValue();
            }
            counts.put((UUID) row[0], c);
        }
        return counts;
    }

    static String target(UUID programmeId) {
        return "screening:" + programmeId;
    }
}
