package org.consilium.consult.board;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.consilium.audit.AuditLog;
import org.consilium.audit.Outcome;
import org.consilium.consult.ConsultAction;
import org.consilium.consult.ConsultState;
import org.consilium.consult.ConsultView;
import org.consilium.consult.Consults;
import org.consilium.consult.StudyLink;
import org.consilium.identity.CurrentUser;
import org.consilium.platform.ProblemException;
import org.consilium.platform.ProblemType;

/**
 * The session of a meeting: the chair (or a case manager) opens it, moves "now presenting" through the
 * agenda, records who attends and closes it. Presenting a scheduled consult starts its session state.
 */
@ApplicationScoped
public class Sessions {

    static final String ROOM_KIND = "CONSULT_SESSION";

    @Inject
    Meetings meetings;
    @Inject
    Consults consults;
    @Inject
    SessionRooms rooms;
    @Inject
    AuditLog audit;

    public SessionView get(CurrentUser user, UUID meetingId) {
        Meeting m = meetings.requireVisible(user, meetingId, "session.read");
        audit.record(user.asActor(), Meetings.hospitalOf(user), "session.read", "meeting:" + meetingId, Outcome.SUCCESS,
                null);
        return view(user, m);
    }

    @Transactional
    public SessionView open(CurrentUser user, UUID meetingId, Long version) {
        Meeting m = lockedForChair(user, meetingId, version, "session.open");
        if (m.state != Meeting.State.PLANNED) {
            throw new ProblemException(ProblemType.CONFLICT, "meeting " + meetingId + " is " + m.state
                    + "; only a planned meeting can be opened");
        }
        Instant now = Instant.now();
        m.state = Meeting.State.OPEN;
        m.openedAt = now;
        Meetings.touch(m);
        m.roomId = rooms.open(m);
        join(user, m, now);
        audit.record(user.asActor(), Meetings.hospitalOf(user), "session.open", "meeting:" + m.id, Outcome.SUCCESS,
                m.roomId == null ? "no live room" : "room " + m.roomId);
        return view(user, m);
    }

    /** Moves "now presenting" to a consult of the agenda; a scheduled consult enters its session. */
    @Transactional
    public SessionView present(CurrentUser user, UUID meetingId, UUID consultId, Long version) {
        Meeting m = lockedForChair(user, meetingId, version, "session.present");
        requireOpen(m);
        AgendaItem item = AgendaItem.findById(new AgendaItem.Key(m.id, consultId));
        if (item == null) {
            throw ProblemException.notFound("Consult " + consultId + " on the agenda of meeting " + meetingId);
        }
        ConsultView c = consults.require(user, consultId);
        if (c.state() == ConsultState.SCHEDULED) {
            consults.transition(user, consultId, ConsultAction.START_SESSION, null, "presented in meeting " + m.id);
        }
        Instant now = Instant.now();
        if (item.presentedAt == null) {
            item.presentedAt = now;
        }
        m.presentingConsultId = consultId;
        Meetings.touch(m);
        audit.record(user.asActor(), Meetings.hospitalOf(user), "session.present", "meeting:" + m.id,
                Outcome.SUCCESS, "consult " + consultId);
        return view(user, m);
    }

    /**
     * Records attendance: an invitee joins by themselves ({@code userId} null or their own), the chair or a
     * case manager records anyone invited.
     */
    @Transactional
    public SessionView attend(CurrentUser user, UUID meetingId, String userId) {
        Meeting m = meetings.requireVisible(user, meetingId, "session.attend");
        String who = userId == null || userId.isBlank() ? user.id() : userId;
        if (!who.equals(user.id()) && !isChair(user, m) && !Meetings.seesAll(user)) {
            throw new ProblemException(ProblemType.FORBIDDEN, "only the chair or a case manager records others");
        }
        requireOpen(m);
        if (who.equals(user.id())) {
            join(user, m, Instant.now());
        } else {
            markAttended(user, m, who, Instant.now());
        }
        return view(user, m);
    }

    @Transactional
    public SessionView close(CurrentUser user, UUID meetingId, Long version) {
        Meeting m = lockedForChair(user, meetingId, version, "session.close");
        requireOpen(m);
        Instant now = Instant.now();
        m.state = Meeting.State.CLOSED;
        m.closedAt = now;
        m.presentingConsultId = null;
        Meetings.touch(m);
        rooms.close(m);
        List<UUID> unpresented = AgendaItem.of(m.id).stream().filter(a -> a.presentedAt == null)
                .map(a -> a.key.consultId).toList();
        audit.record(user.asActor(), Meetings.hospitalOf(user), "session.close", "meeting:" + m.id, Outcome.SUCCESS,
                unpresented.isEmpty() ? "all presented" : "not presented: " + unpresented);
        return view(user, m);
    }

    static boolean isChair(CurrentUser user, Meeting m) {
        return m.chairId.equals(user.id());
    }

    /**
     * The caller enters the session: an invitee attends; a case manager who runs the session without being
     * invited enters its room as its coordinator, without counting as an attendee (or signer).
     */
    private void join(CurrentUser user, Meeting m, Instant now) {
        if (Invitation.findById(new Invitation.Key(m.id, user.id())) == null && Meetings.seesAll(user)) {
            rooms.admitCoordinator(m, user.id(), user.displayName());
        } else {
            markAttended(user, m, user.id(), now);
        }
    }

    private void markAttended(CurrentUser user, Meeting m, String who, Instant now) {
        Invitation i = Invitation.findById(new Invitation.Key(m.id, who));
        if (i == null) {
            throw new ProblemException(ProblemType.CONFLICT, "user " + who + " is not invited to meeting " + m.id);
        }
        if (i.attendedAt == null) {
            i.attendedAt = now;
            Meetings.touch(m);
            if (i.response == Invitation.Response.PENDING) {
                i.response = Invitation.Response.ACCEPTED;
                i.respondedAt = now;
            }
            rooms.admit(m, i);
            audit.record(user.asActor(), Meetings.hospitalOf(user), "session.attend", "meeting:" + m.id,
                    Outcome.SUCCESS, i.username);
        }
    }

    private Meeting lockedForChair(CurrentUser user, UUID meetingId, Long version, String action) {
        Meeting visible = meetings.requireVisible(user, meetingId, action);
        if (!isChair(user, visible) && !Meetings.seesAll(user)) {
            audit.record(user.asActor(), Meetings.hospitalOf(user), action, "meeting:" + meetingId, Outcome.DENIED,
                    "not the chair");
            throw new ProblemException(ProblemType.FORBIDDEN, "only the chair or a case manager runs the session");
        }
        Meeting m = Meeting.findById(meetingId, LockModeType.PESSIMISTIC_WRITE);
        Meetings.checkVersion(m.version, version, "meeting " + meetingId);
        return m;
    }

    private static void requireOpen(Meeting m) {
        if (m.state != Meeting.State.OPEN) {
            throw new ProblemException(ProblemType.CONFLICT, "meeting " + m.id + " is " + m.state
                    + "; its session is not open");
        }
    }

    private SessionView view(CurrentUser user, Meeting m) {
        List<String> studies = List.of();
        if (m.presentingConsultId != null) {
            studies = consults.require(user, m.presentingConsultId).studies().stream().map(StudyLink::studyUid).toList();
        }
        List<SessionView.Attendee> attendees = Invitation.of(m.id).stream().filter(i -> i.attendedAt != null)
                .map(i -> new SessionView.Attendee(i.key.userId, i.username, i.displayName, i.discipline,
                        i.attendedAt, i.key.userId.equals(m.chairId))).toList();
        MeetingView mv = Meetings.view(m);
        return new SessionView(m.id, ROOM_KIND, m.id, m.roomId, m.state, m.openedAt, m.closedAt,
                m.presentingConsultId, studies, mv.agenda(), attendees, m.version);
    }
}
