package org.consilium.consult;

import java.time.Instant;

/** Someone who works on a consult. {@code userId} is the Keycloak subject. */
public record AssignmentView(String userId, String username, String displayName, String discipline,
                             String assignedBy, Instant assignedAt) {

    static AssignmentView of(ConsultAssignment a) {
        return new AssignmentView(a.userId, a.username, a.displayName, a.discipline, a.assignedBy, a.assignedAt);
    }
}
