package org.consilium.consult;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.consilium.audit.AuditLog;
import org.consilium.audit.Outcome;
import org.consilium.identity.CurrentUser;
import org.consilium.identity.Role;
import org.consilium.platform.Page;
import org.consilium.platform.ProblemException;
import org.consilium.platform.ProblemType;
import org.consilium.platform.UuidV7;

/** Raising, editing and listing consult requests. Triage and later moves go through {@link Consults}. */
@ApplicationScoped
public class ConsultRequests {

    @Inject
    Consults consults;
    @Inject
    Patients patients;
    @Inject
    ConsultVisibility visibility;
    @Inject
    ConsultViews views;
    @Inject
    ConsultStudies studies;
    @Inject
    ConsultNotices notices;
    @Inject
    AuditLog audit;
    @Inject
    EntityManager em;

    /** Raises a request for a patient the caller may see; the patient's hospital is the requesting hospital. */
    @Transactional
    public ConsultView create(CurrentUser user, ConsultRequest r) {
        requireRequester(user);
        Patient p = patients.require(user, r.patientId(), "consult.create");
        Consult c = new Consult();
        c.id = UuidV7.next();
        c.hospitalId = p.hospitalId;
        c.patientId = p.id;
        c.state = ConsultState.REQUESTED;
        c.requestedById = user.id();
        c.requestedBy = user.displayName();
        c.createdAt = c.updatedAt = c.submittedAt = Instant.now();
        apply(r, c);
        c.persist();
        ConsultEvent.record(c, user, "REQUEST", null, ConsultState.REQUESTED, null);
        for (String uid : r.studyUidsOrEmpty()) {
            studies.attach(c, uid, "REQUEST", user.username());
        }
        audit.record(user.asActor(), c.hospitalId, "consult.create", Consults.target(c.id), Outcome.SUCCESS,
                "patient " + p.id + ", " + c.urgency);
        notices.requested(c, p.name, false);
        return views.of(c);
    }

    /**
     * Edits the request while it is REQUESTED or RETURNED (a returned request gets its missing information
     * before it is resubmitted). Studies are only added, never removed. {@code version} must be current.
     */
    @Transactional
    public ConsultView update(CurrentUser user, UUID id, long version, ConsultRequest r) {
        Consult c = consults.load(user, id, "consult.update");
        if (!visibility.mayEditRequest(user, c)) {
            throw consults.deny(user, c, "consult.update", "only the requesting hospital and case managers edit it");
        }
        Consults.requireVersion(c, version);
        if (c.state != ConsultState.REQUESTED && c.state != ConsultState.RETURNED) {
            throw new ProblemException(ProblemType.ILLEGAL_TRANSITION, "A consult in state " + c.state
                    + " cannot be edited; only REQUESTED and RETURNED requests can");
        }
        if (!c.patientId.equals(r.patientId())) {
            throw new ProblemException(ProblemType.VALIDATION, "patientId: a consult cannot change patient");
        }
        apply(r, c);
        c.updatedAt = Instant.now();
        for (String uid : r.studyUidsOrEmpty()) {
            studies.attach(c, uid, "REQUEST", user.username());
        }
        consults.flush(c);
        audit.record(user.asActor(), c.hospitalId, "consult.update", Consults.target(c.id), Outcome.SUCCESS, null);
        return views.of(c);
    }

    /** The consults the caller may see, newest first (audited as a PHI read of the list). */
    @Transactional
    public Page<ConsultSummary> list(CurrentUser user, ConsultState state, UUID patient, int offset, int limit) {
        ConsultFilter filter = new ConsultFilter(visibility, user, state, patient);
        TypedQuery<Consult> q = filter.bind(em.createQuery(filter.jpql() + " order by c.createdAt desc, c.id",
                Consult.class));
        List<ConsultSummary> items = views.summaries(q.setFirstResult(offset).setMaxResults(limit).getResultList());
        long total = filter.bind(em.createQuery("select count(c) " + filter.jpql(), Long.class)).getSingleResult();
        audit.record(user.asActor(), user.hospital().map(h -> h.id()).orElse(null), "consult.list", "consults",
                Outcome.SUCCESS, "state=" + state + " patient=" + patient + " -> " + total);
        return new Page<>(items, total, offset, limit);
    }

    private void requireRequester(CurrentUser user) {
        if (!user.hasRole(Role.CLINICIAN) && !user.hasRole(Role.CASE_MANAGER) && !user.hasRole(Role.PLATFORM_ADMIN)) {
            throw new ProblemException(ProblemType.FORBIDDEN, "Consults are requested by clinicians and case managers");
        }
    }

    private void apply(ConsultRequest r, Consult c) {
        c.clinicalSummary = r.clinicalSummary().strip();
        c.question = r.question().strip();
        c.urgency = r.urgency();
        c.requestedDisciplines = r.requestedDisciplines().stream().distinct().toArray(String[]::new);
        c.accessionNumbers = r.accessionNumbers() == null ? new String[0]
                : r.accessionNumbers().stream().map(String::strip).distinct().toArray(String[]::new);
        c.pathology = views.write(r.pathology());
        c.labs = views.write(r.labs() == null ? List.of() : r.labs());
    }
}
