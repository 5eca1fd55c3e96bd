package org.consilium.consult.followup;

import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.consilium.identity.CurrentUser;
import org.consilium.platform.Page;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/follow-ups")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Follow-up", description = "Tasks from signed recommendations and their outcomes")
public class FollowUpResource {

    @Inject
    CurrentUser user;
    @Inject
    FollowUps followUps;

    @GET
    @Operation(summary = "Follow-up tasks, soonest due first: your hospital's, or all for case managers;"
            + " overdue=true lists open tasks past their due date")
    @APIResponse(responseCode = "200", content = @Content(examples = @ExampleObject(name = "overdue", value = """
            {"items": [{"id": "019a8c30-0000-7000-8000-0000000000f1", "consultId": "019a8c2d-0000-7000-8000-00000000c001",
              "hospitalId": "019a0000-0000-7000-8000-000000000002", "title": "Chest CT after 2 adjuvant cycles",
              "dueOn": "2026-11-20", "state": "OPEN", "overdue": true, "version": 0}],
             "total": 1, "offset": 0, "limit": 50}""")))
    public Page<FollowUpView> list(@QueryParam("overdue") @DefaultValue("false") boolean overdue,
                                   @QueryParam("state") FollowUpTask.State state,
                                   @QueryParam("offset") @DefaultValue("0") @Min(0) int offset,
                                   @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(500) int limit) {
        return followUps.list(user, overdue, state, offset, limit);
    }

    @POST
    @Path("/{id}/outcome")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Report a task's outcome (the requesting hospital's clinicians); case managers are notified")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "outcome", value = """
            {"outcome": "2 周期后复查 CT：原发灶缩小 40%，部分缓解 (PR)", "version": 0}""")))
    public FollowUpView report(@PathParam("id") UUID id, @NotNull @Valid OutcomeReport report) {
        return followUps.report(user, id, report);
    }
}
