package org.consilium.consult.board;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.consilium.audit.AuditLog;
import org.consilium.audit.Outcome;
import org.consilium.consult.ConsultAction;
import org.consilium.consult.Consults;
import org.consilium.consult.Notifications;
import org.consilium.identity.CurrentUser;
import org.consilium.identity.HospitalView;
import org.consilium.identity.Role;
import org.consilium.platform.ProblemException;
import org.consilium.platform.ProblemType;
import org.consilium.platform.UuidV7;

/**
 * MDT meetings: the case manager schedules a board (or an ad-hoc session for one consult), orders its
 * agenda and invites specialists. Putting a consult on an agenda schedules it; inviting someone assigns them
 * to every consult on the agenda, so that the consult's one visibility rule lets them read the case.
 */
@ApplicationScoped
public class Meetings {

    @Inject
    Consults consults;
    @Inject
    Notifications notifications;
    @Inject
    BoardStaff staff;
    @Inject
    AuditLog audit;

    @Transactional
    public MeetingView create(CurrentUser user, MeetingRequest r) {
        requireCaseManager(user, "meeting.create");
        checkTimes(r.startsAt(), r.endsAt());
        List<UUID> agenda = List.copyOf(new LinkedHashSet<>(r.consultIds()));
        if (r.kindOrBoard() == Meeting.Kind.AD_HOC && agenda.size() != 1) {
            throw new ProblemException(ProblemType.VALIDATION, "consultIds: an ad-hoc session covers exactly one consult");
        }
        Set<UUID> hospitals = new LinkedHashSet<>(staff.provincial());
        agenda.forEach(c -> hospitals.add(consults.require(user, c).hospitalId()));
        BoardStaff.Member chair = staff.find(r.chairId(), staff.provincial()).orElse(null);
        if (chair == null || !chair.staff().roles().contains(Role.SPECIALIST)) {
            throw new ProblemException(ProblemType.VALIDATION, "chairId: the chair must be a provincial specialist");
        }
        Instant now = Instant.now();
        Meeting m = new Meeting();
        m.id = UuidV7.next();
        m.kind = r.kindOrBoard();
        m.title = r.title().strip();
        m.startsAt = r.startsAt();
        m.endsAt = r.endsAt();
        m.place = blankToNull(r.place());
        m.onlineUrl = blankToNull(r.onlineUrl());
        m.chairId = chair.staff().id();
        m.chairUsername = chair.staff().username();
        m.chairName = chair.staff().displayName();
        m.state = Meeting.State.PLANNED;
        m.createdBy = user.username();
        m.createdAt = now;
        m.updatedAt = now;
        m.persist();
        for (UUID consultId : agenda) {
            addItem(user, m, consultId);
        }
        List<String> invitees = new ArrayList<>();
        invitees.add(chair.staff().id());
        invitees.addAll(r.inviteesOrEmpty());
        invite(user, m, staff.resolve(new LinkedHashSet<>(invitees), hospitals));
        Invitation chairs = Invitation.findById(new Invitation.Key(m.id, m.chairId));
        chairs.response = Invitation.Response.ACCEPTED;
        chairs.respondedAt = now;
        audit.record(user.asActor(), hospitalOf(user), "meeting.create", "meeting:" + m.id, Outcome.SUCCESS,
                m.kind + " " + m.startsAt + " chair " + m.chairUsername + "; agenda " + agenda);
        return view(m);
    }

    /** Case managers and platform-admins see every meeting; anyone else the meetings they chair or are invited to. */
    public List<MeetingView> list(CurrentUser user, Instant from, Instant to) {
        Instant start = from == null ? Instant.EPOCH : from;
        Instant end = to == null ? Instant.parse("9999-12-31T00:00:00Z") : to;
        List<Meeting> found;
        if (seesAll(user)) {
            found = Meeting.list("startsAt >= ?1 and startsAt < ?2", Sort.ascending("startsAt"), start, end);
        } else {
            found = Meeting.list("startsAt >= ?1 and startsAt < ?2 and id in (select i.key.meetingId from Invitation i"
                    + " where i.key.userId = ?3)", Sort.ascending("startsAt"), start, end, user.id());
        }
        audit.record(user.asActor(), hospitalOf(user), "meeting.list", "meetings", Outcome.SUCCESS,
                found.size() + " meetings from " + start + " to " + end);
        return found.stream().map(Meetings::view).toList();
    }

    public MeetingView get(CurrentUser user, UUID meetingId) {
        Meeting m = requireVisible(user, meetingId, "meeting.read");
        audit.record(user.asActor(), hospitalOf(user), "meeting.read", "meeting:" + meetingId, Outcome.SUCCESS, null);
        return view(m);
    }

    @Transactional
    public MeetingView update(CurrentUser user, UUID meetingId, MeetingUpdate u) {
        requireCaseManager(user, "meeting.update");
        Meeting m = lockedPlanned(meetingId, u.version());
        checkTimes(u.startsAt(), u.endsAt());
        String before = m.title + " " + m.startsAt + "–" + m.endsAt + " " + m.place;
        m.title = u.title().strip();
        m.startsAt = u.startsAt();
        m.endsAt = u.endsAt();
        m.place = blankToNull(u.place());
        m.onlineUrl = blankToNull(u.onlineUrl());
        touch(m);
        audit.record(user.asActor(), hospitalOf(user), "meeting.update", "meeting:" + m.id, Outcome.SUCCESS,
                before + " -> " + m.title + " " + m.startsAt + "–" + m.endsAt + " " + m.place);
        Invitation.of(m.id).forEach(i -> notifications.notify(i.key.userId, "meeting-changed", firstConsult(m.id),
                "会诊安排已变更：" + m.title, "Meeting rescheduled: " + m.title));
        return view(m);
    }

    /** Appends a consult to a planned board's agenda and schedules it. */
    @Transactional
    public MeetingView addToAgenda(CurrentUser user, UUID meetingId, UUID consultId, Long version) {
        requireCaseManager(user, "meeting.agenda");
        Meeting m = lockedPlanned(meetingId, version);
        if (m.kind == Meeting.Kind.AD_HOC) {
            throw new ProblemException(ProblemType.CONFLICT, "an ad-hoc session covers exactly one consult");
        }
        if (AgendaItem.findById(new AgendaItem.Key(m.id, consultId)) != null) {
            throw new ProblemException(ProblemType.CONFLICT, "consult " + consultId + " is already on the agenda");
        }
        consults.require(user, consultId);
        addItem(user, m, consultId);
        for (Invitation i : Invitation.of(m.id)) {
            consults.assign(user, consultId, i.key.userId, i.username, i.displayName, i.discipline);
        }
        touch(m);
        audit.record(user.asActor(), hospitalOf(user), "meeting.agenda.add", "meeting:" + m.id, Outcome.SUCCESS,
                "consult " + consultId);
        return view(m);
    }

    /** Takes a consult off a planned agenda; it goes back to the queue as triaged. */
    @Transactional
    public MeetingView removeFromAgenda(CurrentUser user, UUID meetingId, UUID consultId, Long version) {
        requireCaseManager(user, "meeting.agenda");
        Meeting m = lockedPlanned(meetingId, version);
        AgendaItem item = AgendaItem.findById(new AgendaItem.Key(m.id, consultId));
        if (item == null) {
            throw ProblemException.notFound("Consult " + consultId + " on the agenda of meeting " + meetingId);
        }
        consults.transition(user, consultId, ConsultAction.UNSCHEDULE, null, "removed from meeting " + m.id);
        item.delete();
        renumber(m.id);
        touch(m);
        audit.record(user.asActor(), hospitalOf(user), "meeting.agenda.remove", "meeting:" + m.id, Outcome.SUCCESS,
                "consult " + consultId);
        return view(m);
    }

    /** Puts the agenda in the given order, which must name exactly the consults on it. */
    @Transactional
    public MeetingView reorder(CurrentUser user, UUID meetingId, List<UUID> order, Long version) {
        requireCaseManager(user, "meeting.agenda");
        Meeting m = lockedPlanned(meetingId, version);
        List<AgendaItem> items = AgendaItem.of(m.id);
        Set<UUID> current = new LinkedHashSet<>(items.stream().map(a -> a.key.consultId).toList());
        if (order.size() != current.size() || !current.equals(new LinkedHashSet<>(order))) {
            throw new ProblemException(ProblemType.VALIDATION, "consultIds: must list exactly the consults on the"
                    + " agenda, each once: " + current);
        }
        for (AgendaItem a : items) {
            a.position = order.indexOf(a.key.consultId) + 1;
        }
        touch(m);
        audit.record(user.asActor(), hospitalOf(user), "meeting.agenda.reorder", "meeting:" + m.id, Outcome.SUCCESS,
                order.toString());
        return view(m);
    }

    /** Invites more people; each is assigned to every consult on the agenda and notified. */
    @Transactional
    public MeetingView invite(CurrentUser user, UUID meetingId, List<String> userIds) {
        requireCaseManager(user, "meeting.invite");
        Meeting m = Meeting.findById(meetingId, LockModeType.PESSIMISTIC_WRITE);
        if (m == null) {
            throw ProblemException.notFound("Meeting " + meetingId);
        }
        if (m.state == Meeting.State.CLOSED || m.state == Meeting.State.CANCELLED) {
            throw new ProblemException(ProblemType.CONFLICT, "meeting " + meetingId + " is " + m.state);
        }
        Set<UUID> hospitals = new LinkedHashSet<>(staff.provincial());
        AgendaItem.of(m.id).forEach(a -> hospitals.add(consults.require(user, a.key.consultId).hospitalId()));
        invite(user, m, staff.resolve(new LinkedHashSet<>(userIds), hospitals));
        touch(m);
        return view(m);
    }

    /** The invitee's answer. */
    @Transactional
    public MeetingView respond(CurrentUser user, UUID meetingId, Invitation.Response response) {
        if (response == null || response == Invitation.Response.PENDING) {
            throw new ProblemException(ProblemType.VALIDATION, "response: must be ACCEPTED or DECLINED");
        }
        Meeting m = requireVisible(user, meetingId, "meeting.respond");
        Invitation i = Invitation.findById(new Invitation.Key(meetingId, user.id()));
        if (i == null) {
            throw new ProblemException(ProblemType.FORBIDDEN, "you are not invited to meeting " + meetingId);
        }
        i.response = response;
        i.respondedAt = Instant.now();
        audit.record(user.asActor(), hospitalOf(user), "meeting.respond", "meeting:" + meetingId, Outcome.SUCCESS,
                response.name());
        return view(m);
    }

    /** The meetings a user chairs or is invited to and has not declined, for their calendar. */
    public List<MeetingView> calendarOf(CurrentUser user) {
        List<UUID> ids = Invitation.forUser(user.id()).stream()
                .filter(i -> i.response != Invitation.Response.DECLINED).map(i -> i.key.meetingId).toList();
        if (ids.isEmpty()) {
            return List.of();
        }
        return Meeting.<Meeting>list("id in ?1 and state <> ?2", Sort.ascending("startsAt"), ids,
                Meeting.State.CANCELLED).stream().map(Meetings::view).toList();
    }

    /** The board a consult was (last) put before: its meeting, chair and invitees. */
    public Optional<ConsultBoard> boardFor(UUID consultId) {
        return AgendaItem.forConsult(consultId).stream()
                .map(a -> Meeting.<Meeting>findById(a.key.meetingId))
                .filter(m -> m.state != Meeting.State.CANCELLED)
                .max(java.util.Comparator.comparing((Meeting m) -> m.startsAt))
                .map(m -> {
                    MeetingView v = view(m);
                    return new ConsultBoard(m.id, m.state, v.chair(), v.invitations());
                });
    }

    /** The meeting when the user may see it: case managers, platform-admins, the chair and invitees; else 404. */
    Meeting requireVisible(CurrentUser user, UUID meetingId, String action) {
        Meeting m = Meeting.findById(meetingId);
        if (m != null && (seesAll(user) || Invitation.findById(new Invitation.Key(meetingId, user.id())) != null)) {
            return m;
        }
        if (m != null) {
            audit.record(user.asActor(), hospitalOf(user), action, "meeting:" + meetingId, Outcome.DENIED,
                    "neither invited nor a case manager");
        }
        throw ProblemException.notFound("Meeting " + meetingId);
    }

    static MeetingView view(Meeting m) {
        return MeetingView.of(m, AgendaItem.of(m.id), Invitation.of(m.id));
    }

    public static boolean seesAll(CurrentUser user) {
        return user.hasRole(Role.PLATFORM_ADMIN) || user.hasRole(Role.CASE_MANAGER) && user.hospital()
                .map(h -> h.level() == org.consilium.identity.HospitalLevel.PROVINCIAL).orElse(false);
    }

    public static UUID hospitalOf(CurrentUser user) {
        return user.hospital().map(HospitalView::id).orElse(null);
    }

    /** Optimistic lock: the client's version must be the current one. */
    public static void checkVersion(long current, Long expected, String what) {
        if (expected != null && expected != current) {
            throw new ProblemException(ProblemType.CONFLICT, what + " was changed by someone else (version "
                    + current + ", you sent " + expected + "); reload and try again");
        }
    }

    private void requireCaseManager(CurrentUser user, String action) {
        if (!seesAll(user)) {
            audit.record(user.asActor(), hospitalOf(user), action, "meeting", Outcome.DENIED, "not a case manager");
            throw new ProblemException(ProblemType.FORBIDDEN, "Only the provincial case managers schedule meetings");
        }
    }

    private static Meeting lockedPlanned(UUID meetingId, Long version) {
        Meeting m = Meeting.findById(meetingId, LockModeType.PESSIMISTIC_WRITE);
        if (m == null) {
            throw ProblemException.notFound("Meeting " + meetingId);
        }
        checkVersion(m.version, version, "meeting " + meetingId);
        if (m.state != Meeting.State.PLANNED) {
            throw new ProblemException(ProblemType.CONFLICT, "meeting " + meetingId + " is " + m.state
                    + "; only a planned meeting can be changed");
        }
        return m;
    }

    private void addItem(CurrentUser user, Meeting m, UUID consultId) {
        consults.transition(user, consultId, ConsultAction.SCHEDULE, null, "meeting " + m.id + " at " + m.startsAt);
        AgendaItem item = new AgendaItem();
        item.key = new AgendaItem.Key(m.id, consultId);
        item.position = (int) AgendaItem.count("key.meetingId", m.id) + 1;
        item.persistAndFlush();
    }

    private void invite(CurrentUser user, Meeting m, Map<String, BoardStaff.Member> members) {
        List<UUID> agenda = AgendaItem.of(m.id).stream().map(a -> a.key.consultId).toList();
        Instant now = Instant.now();
        for (BoardStaff.Member member : members.values()) {
            var s = member.staff();
            if (Invitation.findById(new Invitation.Key(m.id, s.id())) != null) {
                continue;
            }
            Invitation i = new Invitation();
            i.key = new Invitation.Key(m.id, s.id());
            i.username = s.username();
            i.displayName = s.displayName();
            i.discipline = s.discipline();
            i.hospitalId = member.hospitalId();
            i.response = Invitation.Response.PENDING;
            i.invitedBy = user.username();
            i.invitedAt = now;
            i.persist();
            for (UUID consultId : agenda) {
                consults.assign(user, consultId, s.id(), s.username(), s.displayName(), s.discipline());
            }
            notifications.notify(s.id(), Notifications.INVITATION, agenda.isEmpty() ? null : agenda.get(0),
                    "MDT 会诊邀请：" + m.title, "MDT invitation: " + m.title);
            audit.record(user.asActor(), hospitalOf(user), "meeting.invite", "meeting:" + m.id, Outcome.SUCCESS,
                    s.username());
        }
    }

    private static void renumber(UUID meetingId) {
        int p = 1;
        for (AgendaItem a : AgendaItem.of(meetingId)) {
            a.position = p++;
        }
    }

    private static UUID firstConsult(UUID meetingId) {
        List<AgendaItem> items = AgendaItem.of(meetingId);
        return items.isEmpty() ? null : items.get(0).key.consultId;
    }

    /** Marks a change and writes it now, so that the version the response shows is the new one. */
    static void touch(Meeting m) {
        m.updatedAt = Instant.now();
        Meeting.flush();
    }

    private static void checkTimes(Instant start, Instant end) {
        if (!end.isAfter(start)) {
            throw new ProblemException(ProblemType.VALIDATION, "endsAt: must be after startsAt");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
