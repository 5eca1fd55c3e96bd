package org.consilium.consult.followup;

import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import org.consilium.identity.CurrentUser;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A consult's follow-up, under the consult's own path. */
@Path("/api/consults/{consultId}/follow-ups")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Follow-up")
public class ConsultFollowUpResource {

    @Inject
    CurrentUser user;
    @Inject
    FollowUps followUps;

    @GET
    @Operation(summary = "A consult's follow-up tasks with their outcomes, soonest due first")
    public List<FollowUpView> ofConsult(@PathParam("consultId") UUID consultId) {
        return followUps.ofConsult(user, consultId);
    }
}
