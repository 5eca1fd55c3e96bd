package org.consilium.consult;

import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.consilium.identity.CurrentUser;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/consults")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "consults", description = "MDT consult requests (会诊申请)")
public class ConsultResource {

    @Inject
    CurrentUser user;
    @Inject
    Consults consults;

    @GET
    @Path("/{id}")
    @Operation(summary = "One consult, with its patient, studies, attachments, assignments and SLA clocks",
            description = "Visible to its requesting (county) hospital, the requester, assigned people, provincial "
                    + "case managers and platform-admins; anyone else gets 404. Audited as a PHI read.")
    public ConsultView get(@PathParam("id") UUID id) {
        return consults.require(user, id);
    }

    @POST
    @Path("/{id}/transitions")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Move a consult through its state machine (accept, return, decline, resubmit, …)",
            description = "409 illegal-transition when the state does not allow the action; 409 conflict when "
                    + "version is stale; 403 when the caller's role may not take the action.")
    public ConsultView transition(@PathParam("id") UUID id, @NotNull @Valid TransitionRequest request) {
        return consults.transition(user, id, request.action(), request.version(), request.note());
    }
}
