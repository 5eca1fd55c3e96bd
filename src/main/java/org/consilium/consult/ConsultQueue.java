package org.consilium.consult;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.consilium.audit.AuditLog;
import org.consilium.audit.Outcome;
import org.consilium.identity.CurrentUser;
import org.consilium.identity.HospitalDirectory;
import org.consilium.identity.HospitalLevel;
import org.consilium.identity.HospitalView;
import org.consilium.identity.Role;
import org.consilium.identity.StaffDirectory;
import org.consilium.identity.StaffMember;
import org.consilium.platform.Page;
import org.consilium.platform.ProblemException;
import org.consilium.platform.ProblemType;

/**
 * The provincial case managers' queue (专管员工作台): open consults most urgent first, priority, and the
 * specialists assigned from the Keycloak directory by discipline. Only coordinators (provincial case
 * managers, platform-admins) use it.
 */
@ApplicationScoped
public class ConsultQueue {

    /** What the queue shows by default: everything not yet finished. */
    static final Set<ConsultState> OPEN = Set.of(ConsultState.REQUESTED, ConsultState.RETURNED, ConsultState.TRIAGED,
            ConsultState.SCHEDULED, ConsultState.IN_SESSION, ConsultState.RECOMMENDED, ConsultState.SIGNED);

    @Inject
    Consults consults;
    @Inject
    ConsultVisibility visibility;
    @Inject
    ConsultViews views;
    @Inject
    StaffDirectory staff;
    @Inject
    HospitalDirectory hospitals;
    @Inject
    AuditLog audit;
    @Inject
    EntityManager em;

    /** Green channel first, then urgent, then routine; within that by priority (unset last), then oldest. */
    @Transactional
    public Page<ConsultSummary> queue(CurrentUser user, ConsultState state, int offset, int limit) {
        requireCoordinator(user);
        ConsultFilter filter = new ConsultFilter(visibility, user, state, null)
                .where("c.state in :open", "open", state == null ? OPEN : null);
        String order = " order by case c.urgency when " + Urgency.class.getName() + ".GREEN_CHANNEL then 0 when "
                + Urgency.class.getName() + ".URGENT then 1 else 2 end,"
                + " coalesce(c.priority, 9), c.submittedAt, c.id";
        List<ConsultSummary> items = views.summaries(filter.bind(em.createQuery(filter.jpql() + order, Consult.class))
                .setFirstResult(offset).setMaxResults(limit).getResultList());
        long total = filter.bind(em.createQuery("select count(c) " + filter.jpql(), Long.class)).getSingleResult();
        audit.record(user.asActor(), ownHospital(user), "consult.queue", "consults", Outcome.SUCCESS,
                "state=" + state + " -> " + total);
        return new Page<>(items, total, offset, limit);
    }

    @Transactional
    public ConsultView setPriority(CurrentUser user, UUID consultId, int priority, long version) {
        requireCoordinator(user);
        Consult c = consults.load(user, consultId, "consult.priority");
        Consults.requireVersion(c, version);
        if (c.state.terminal()) {
            throw new ProblemException(ProblemType.ILLEGAL_TRANSITION, "A " + c.state + " consult has no priority");
        }
        Short before = c.priority;
        c.priority = (short) priority;
        c.updatedAt = Instant.now();
        consults.flush(c);
        audit.record(user.asActor(), c.hospitalId, "consult.priority", Consults.target(c.id), Outcome.SUCCESS,
                before + " -> " + priority);
        return views.of(c);
    }

    /** The provincial specialists of a discipline (all specialists when it is null), live from Keycloak. */
    public List<StaffMember> specialists(CurrentUser user, String discipline) {
        requireCoordinator(user);
        return provincial().stream()
                .flatMap(h -> staff.staff(h, Role.SPECIALIST, discipline, 0, 500).items().stream()).toList();
    }

    /** Assigns a provincial specialist, checked against the directory (the client's word is not taken). */
    @Transactional
    public ConsultView assign(CurrentUser user, UUID consultId, AssignRequest r) {
        requireCoordinator(user);
        StaffMember m = specialists(user, null).stream().filter(s -> s.id().equals(r.userId())).findFirst()
                .orElseThrow(() -> new ProblemException(ProblemType.VALIDATION,
                        "userId: not a specialist of the provincial hospital"));
        String discipline = r.discipline() != null ? r.discipline() : m.discipline();
        consults.assign(user, consultId, m.id(), m.username(), m.displayName(), discipline);
        return views.of(Consult.findById(consultId));
    }

    @Transactional
    public ConsultView unassign(CurrentUser user, UUID consultId, String userId) {
        requireCoordinator(user);
        Consult c = consults.load(user, consultId, "consult.unassign");
        long removed = ConsultAssignment.delete("consultId = ?1 and userId = ?2", c.id, userId);
        if (removed == 0) {
            throw ProblemException.notFound("Assignment of " + userId);
        }
        audit.record(user.asActor(), c.hospitalId, "consult.unassign", Consults.target(c.id), Outcome.SUCCESS, userId);
        return views.of(c);
    }

    void requireCoordinator(CurrentUser user) {
        if (!visibility.coordinates(user)) {
            throw new ProblemException(ProblemType.FORBIDDEN, "The queue is for the provincial case managers");
        }
    }

    private List<HospitalView> provincial() {
        return hospitals.all().stream().filter(h -> h.level() == HospitalLevel.PROVINCIAL).toList();
    }

    private static UUID ownHospital(CurrentUser user) {
        return user.hospital().map(HospitalView::id).orElse(null);
    }
}
