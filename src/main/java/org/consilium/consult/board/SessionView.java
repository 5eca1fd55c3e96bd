package org.consilium.consult.board;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What a live room needs to run a meeting's session: the room's kind and reference id (the meeting), the
 * room id once opened, the consult being presented with its studies, the agenda and who has joined.
 */
public record SessionView(UUID meetingId, String roomKind, UUID roomRefId, UUID roomId, Meeting.State state,
                          Instant openedAt, Instant closedAt, UUID presentingConsultId, List<String> presentingStudyUids,
                          List<MeetingView.Item> agenda, List<Attendee> attendees, long version) {

    /** A person who joined the session. */
    public record Attendee(String userId, String username, String displayName, String discipline,
                           Instant attendedAt, boolean chair) {
    }
}
