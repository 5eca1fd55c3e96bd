package org.consilium.consult;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.consilium.identity.CurrentUser;
import org.consilium.identity.Role;
import org.consilium.identity.StaffMember;
import org.consilium.platform.Page;
import org.consilium.platform.ProblemException;
import org.consilium.platform.ProblemType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The provincial case managers' queue. Triage itself is {@code POST /api/consults/{id}/transitions}. */
@Path("/api/consult-queue")
@RolesAllowed({Role.CASE_MANAGER, Role.PLATFORM_ADMIN})
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "consult queue", description = "Case-manager queue (专管员分诊队列): priority, assignment, SLA")
public class ConsultQueueResource {

    @Inject
    CurrentUser user;
    @Inject
    ConsultQueue queue;
    @Inject
    ConsultSla sla;

    @GET
    @Operation(summary = "Open consults, green channel first, then urgent, then routine; by priority, then oldest",
            description = "state narrows it (e.g. REQUESTED for what awaits triage). Each row carries its SLA clocks.")
    public Page<ConsultSummary> queue(@QueryParam("state") ConsultState state,
                                      @QueryParam("offset") @DefaultValue("0") @Min(0) int offset,
                                      @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(200) int limit) {
        return queue.queue(user, state, offset, limit);
    }

    @GET
    @Path("/specialists")
    @Operation(summary = "Provincial specialists to assign, by discipline, live from Keycloak")
    public List<StaffMember> specialists(
            @Parameter(example = "radiation-oncology") @QueryParam("discipline") String discipline) {
        return queue.specialists(user, discipline);
    }

    @PUT
    @Path("/{id}/priority")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Set a consult's priority (1 first … 5)")
    public ConsultView priority(@PathParam("id") UUID id, @NotNull @Valid PriorityRequest r) {
        return queue.setPriority(user, id, r.priority(), r.version());
    }

    @POST
    @Path("/{id}/assignments")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Assign a provincial specialist to a consult (idempotent); they are notified and may see it")
    public ConsultView assign(@PathParam("id") UUID id, @NotNull @Valid AssignRequest r) {
        return queue.assign(user, id, r);
    }

    @DELETE
    @Path("/{id}/assignments/{userId}")
    @Operation(summary = "Remove an assignment")
    public ConsultView unassign(@PathParam("id") UUID id, @PathParam("userId") String userId) {
        return queue.unassign(user, id, userId);
    }

    @GET
    @Path("/sla")
    @Operation(summary = "Time to triage and time to session over consults submitted in [from, to)",
            description = "Median, p90 and max in seconds, overall (urgency null) and per urgency; default window "
                    + "the last 30 days. Example: GET /api/consult-queue/sla?from=2026-11-01T00:00:00Z")
    public SlaFigures sla(@Parameter(example = "2026-11-01T00:00:00Z") @QueryParam("from") Instant from,
                          @Parameter(example = "2026-12-01T00:00:00Z") @QueryParam("to") Instant to) {
        Instant end = to != null ? to : Instant.now();
        Instant start = from != null ? from : end.minus(Duration.ofDays(30));
        if (!start.isBefore(end)) {
            throw new ProblemException(ProblemType.VALIDATION, "from must be before to");
        }
        return sla.figures(user, start, end);
    }
}
