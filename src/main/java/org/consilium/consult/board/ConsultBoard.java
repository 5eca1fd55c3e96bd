package org.consilium.consult.board;

import java.util.List;
import java.util.UUID;

/** The meeting that discusses a consult, as the recommendation sees it: who chairs and who took part. */
public record ConsultBoard(UUID meetingId, Meeting.State state, MeetingView.Person chair,
                           List<MeetingView.Invitee> invitees) {

    public boolean isChair(String userId) {
        return chair.id().equals(userId);
    }

    public boolean isInvited(String userId) {
        return invitees.stream().anyMatch(i -> i.userId().equals(userId));
    }

    /** The invitees who attended the session, the chair included. */
    public List<MeetingView.Invitee> attendees() {
        return invitees.stream().filter(i -> i.attendedAt() != null || isChair(i.userId())).toList();
    }
}
