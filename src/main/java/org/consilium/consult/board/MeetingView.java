package org.consilium.consult.board;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A meeting as the API shows it: schedule, chair, agenda in order, invitations and session state. */
public record MeetingView(UUID id, Meeting.Kind kind, String title, Instant startsAt, Instant endsAt, String place,
                          String onlineUrl, Person chair, Meeting.State state, UUID presentingConsultId, UUID roomId,
                          Instant openedAt, Instant closedAt, List<Item> agenda, List<Invitee> invitations,
                          String createdBy, Instant createdAt, long version) {

    /** A person by Keycloak id, login and display name. */
    public record Person(String id, String username, String displayName) {
    }

    /** A consult on the agenda. */
    public record Item(UUID consultId, int position, Instant presentedAt) {
    }

    /** An invitation with the answer and attendance. */
    public record Invitee(String userId, String username, String displayName, String discipline, UUID hospitalId,
                          Invitation.Response response, Instant respondedAt, Instant attendedAt) {
    }

    static MeetingView of(Meeting m, List<AgendaItem> agenda, List<Invitation> invitations) {
        return new MeetingView(m.id, m.kind, m.title, m.startsAt, m.endsAt, m.place, m.onlineUrl,
                new Person(m.chairId, m.chairUsername, m.chairName), m.state, m.presentingConsultId, m.roomId,
                m.openedAt, m.closedAt,
                agenda.stream().map(a -> new Item(a.key.consultId, a.position, a.presentedAt)).toList(),
                invitations.stream().map(i -> new Invitee(i.key.userId, i.username, i.displayName, i.discipline,
                        i.hospitalId, i.response, i.respondedAt, i.attendedAt)).toList(),
                m.createdBy, m.createdAt, m.version);
    }
}
