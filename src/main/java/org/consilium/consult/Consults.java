package org.consilium.consult;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import org.consilium.audit.AuditLog;
import org.consilium.audit.Outcome;
import org.consilium.identity.CurrentUser;
import org.consilium.identity.HospitalView;
import org.consilium.platform.ProblemException;
import org.consilium.platform.ProblemType;
import org.hibernate.StaleStateException;

/**
 * The consult service both sides of the workflow share: find a consult the caller may see, move it through
 * the state machine under optimistic locking, and assign people to it. Every read of a consult is a PHI read
 * and every change is audited.
 */
@ApplicationScoped
public class Consults {

    /** Triage and queue actions: provincial case managers (and platform-admins) only. */
    private static final Set<ConsultAction> COORDINATION = EnumSet.of(ConsultAction.ACCEPT, ConsultAction.RETURN,
            ConsultAction.DECLINE);

    @Inject
    ConsultVisibility visibility;
    @Inject
    ConsultViews views;
    @Inject
    ConsultNotices notices;
    @Inject
    AuditLog audit;
    @Inject
    EntityManager em;

    /** The consult, when the caller may see it (audited as a PHI read); 404 otherwise, as for a missing one. */
    @Transactional
    public ConsultView require(CurrentUser user, UUID consultId) {
        Consult c = load(user, consultId, "consult.read");
        audit.record(user.asActor(), c.hospitalId, "consult.read", target(c.id), Outcome.SUCCESS, null);
        return views.of(c);
    }

    /**
     * Applies {@code action} to the consult. Answers 404 when the caller may not see it, 403 when their role
     * may not take this action, 409 {@code conflict} when {@code expectedVersion} (if given) is not the
     * current version, and 409 {@code illegal-transition} when the state machine has no such move. A
     * RETURN needs a message and a DECLINE a reason, in {@code note}. Joins the caller's transaction.
     */
    @Transactional
    public ConsultView transition(CurrentUser user, UUID consultId, ConsultAction action, Long expectedVersion,
                                  String note) {
        String auditAction = "consult." + action.name().toLowerCase();
        Consult c = load(user, consultId, auditAction);
        requireMayAct(user, c, action, auditAction);
        requireVersion(c, expectedVersion);
        ConsultState from = c.state;
        ConsultState to;
        try {
            to = ConsultStateMachine.next(from, action);
        } catch (ProblemException e) {
            audit.record(user.asActor(), c.hospitalId, auditAction, target(c.id), Outcome.FAILED, e.getMessage());
            throw e;
        }
        if ((action == ConsultAction.RETURN || action == ConsultAction.DECLINE) && (note == null || note.isBlank())) {
            throw new ProblemException(ProblemType.VALIDATION, action == ConsultAction.RETURN
                    ? "A returned request needs a message saying what is missing"
                    : "A declined request needs a reason");
        }
        apply(user, c, action, to, note);
        flush(c);
        audit.record(user.asActor(), c.hospitalId, auditAction, target(c.id), Outcome.SUCCESS,
                from + " -> " + to + (note == null || note.isBlank() ? "" : ": " + note));
        notices.transitioned(c, action, note);
        return views.of(c);
    }

    /**
     * Assigns a user (Keycloak subject) to the consult, so that they may see it. Idempotent: an existing
     * assignment keeps its original time and assigner, but takes the new discipline. Provincial case managers
     * and people already on the consult may assign; the board uses this for invitees.
     */
    @Transactional
    public void assign(CurrentUser by, UUID consultId, String userId, String username, String displayName,
                       String discipline) {
        Consult c = load(by, consultId, "consult.assign");
        if (!visibility.coordinates(by) && !ConsultVisibility.isAssigned(c.id, by.id())) {
            throw deny(by, c, "consult.assign", "only case managers and the consult's participants assign");
        }
        ConsultAssignment a = ConsultAssignment.find("consultId = ?1 and userId = ?2", c.id, userId).firstResult();
        boolean created = a == null;
        if (created) {
            a = new ConsultAssignment();
            a.consultId = c.id;
            a.userId = userId;
            a.assignedBy = by.username();
            a.assignedAt = Instant.now();
        }
        a.username = username;
        a.displayName = displayName;
        a.discipline = discipline;
        a.persist();
        audit.record(by.asActor(), c.hospitalId, "consult.assign", target(c.id), Outcome.SUCCESS,
                username + (discipline == null ? "" : " (" + discipline + ")"));
        if (created) {
            notices.assigned(c, userId);
        }
    }

    /** Loads a consult the caller may see, for a change; 404 (audited as DENIED) otherwise. No PHI audit. */
    Consult load(CurrentUser user, UUID consultId, String auditAction) {
        Consult c = Consult.findById(consultId);
        if (c != null && visibility.maySee(user, c)) {
            return c;
        }
        if (c != null) {
            audit.record(user.asActor(), user.hospital().map(HospitalView::id).orElse(null), auditAction,
                    target(consultId), Outcome.DENIED, "not visible to the caller");
        }
        throw ProblemException.notFound("Consult " + consultId);
    }

    /** 409 {@code conflict} when the client's copy is stale. */
    static void requireVersion(Consult c, Long expectedVersion) {
        if (expectedVersion != null && expectedVersion != c.version) {
            throw new ProblemException(ProblemType.CONFLICT, "Consult " + c.id + " has changed (version " + c.version
                    + ", you sent " + expectedVersion + "); reload it and try again");
        }
    }

    /** Writes now, so that a concurrent change shows up as a 409 here rather than as a failed commit. */
    void flush(Consult c) {
        try {
            em.flush();
        } catch (OptimisticLockException | StaleStateException e) {
            throw new ProblemException(ProblemType.CONFLICT, "Consult " + c.id
                    + " was changed by someone else meanwhile; reload it and try again");
        }
    }

    static String target(UUID consultId) {
        return "consult:" + consultId;
    }

    private void requireMayAct(CurrentUser user, Consult c, ConsultAction action, String auditAction) {
        boolean coordinates = visibility.coordinates(user);
        boolean allowed = switch (action) {
            case ACCEPT, RETURN, DECLINE -> coordinates;
            // The requesting hospital answers a return; the case manager may resubmit on its behalf.
            case RESUBMIT -> visibility.mayEditRequest(user, c);
            // The board's moves: case managers and the people on the consult (the board checks chair etc.).
            default -> coordinates || ConsultVisibility.isAssigned(c.id, user.id());
        };
        if (!allowed) {
            throw deny(user, c, auditAction, COORDINATION.contains(action) ? "triage is for provincial case managers"
                    : "not allowed to " + action + " this consult");
        }
    }

    /** Audits the refusal and returns the 403 to throw. */
    ProblemException deny(CurrentUser user, Consult c, String auditAction, String why) {
        audit.record(user.asActor(), c.hospitalId, auditAction, target(c.id), Outcome.DENIED, why);
        return new ProblemException(ProblemType.FORBIDDEN, "You may not do this: " + why);
    }

    private static void apply(CurrentUser user, Consult c, ConsultAction action, ConsultState to, String note) {
        Instant now = ConsultEvent.record(c, user, action.name(), c.state, to, note).at;
        if (c.triagedAt == null && COORDINATION.contains(action)) {
            c.triagedAt = now;
        }
        if (c.sessionAt == null && action == ConsultAction.START_SESSION) {
            c.sessionAt = now;
        }
        if (COORDINATION.contains(action) || action == ConsultAction.RESUBMIT) {
            c.stateNote = action == ConsultAction.ACCEPT || action == ConsultAction.RESUBMIT ? null : note;
        }
        c.state = to;
        c.updatedAt = now;
    }
}
