package org.consilium.registry.followup;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.consilium.identity.CurrentUser;
import org.consilium.identity.Role;
import org.consilium.platform.Page;
import org.consilium.registry.RegistryConfig;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/registry/follow-up-schedules")
@RolesAllowed({Role.CLINICIAN, Role.CASE_MANAGER, Role.SPECIALIST, Role.PLATFORM_ADMIN})
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "registry")
public class FollowUpScheduleResource {

    @Inject
    CurrentUser user;
    @Inject
    FollowUpSchedules schedules;
    @Inject
    FollowUpWorklist worklist;
    @Inject
    RegistryConfig config;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Set up the patient's follow-up schedule from the template for the cancer type and stage",
            description = "E.g. lung (C34) or stage III–IV: every 3 months for 3 years, then every 6 months to 5 "
                    + "years. One open schedule per patient and primary (ICD-10 category): 201 with a new schedule, "
                    + "whose attending doctor and (until handed over) assignee is the caller unless attending names "
                    + "another; 200 when the patient already had one (e.g. started by an MDT board's signed "
                    + "recommendation): its template visits not yet made are planned again from startOn, the "
                    + "board's visits stay, and attending, when given, becomes its attending doctor.")
    @APIResponse(responseCode = "201", description = "a new schedule",
            content = @Content(schema = @Schema(implementation = ScheduleView.class)))
    @APIResponse(responseCode = "200", description = "the patient's open schedule for that primary, planned again",
            content = @Content(schema = @Schema(implementation = ScheduleView.class)))
    public Response create(@NotNull @Valid ScheduleRequest request, @Context UriInfo uri) {
        FollowUpSchedules.SetUp set = schedules.create(user, request);
        ScheduleView s = set.schedule();
        return set.created()
                ? Response.created(uri.getAbsolutePathBuilder().path(s.id().toString()).build()).entity(s).build()
                : Response.ok(s).build();
    }

    @GET
    @Operation(summary = "Schedules of the caller's hospitals and those handed to or attended by the caller",
            description = "mine=true: only those handed to or attended by the caller (a community doctor's list); "
                    + "overdue=true: only those with an open visit past its day (the overdue list).")
    public Page<ScheduleView> list(@QueryParam("mine") @DefaultValue("false") boolean mine,
                                   @QueryParam("overdue") @DefaultValue("false") boolean overdue,
                                   @QueryParam("offset") @DefaultValue("0") @Min(0) int offset,
                                   @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(200) int limit) {
        return schedules.list(user, mine, overdue, offset, limit);
    }

    @GET
    @Path("/due")
    @Operation(summary = "The follow-up worklist: open visits due soon and overdue, overdue first (audited)",
            description = "mine=true: only the visits assigned to the caller (a community doctor's list); otherwise "
                    + "also those of the caller's hospitals and of the schedules they attend. withinDays: how far "
                    + "ahead (default consilium.registry.remind-before).")
    public Page<DueVisit> due(@QueryParam("mine") @DefaultValue("false") boolean mine,
                              @QueryParam("withinDays") @Min(0) @Max(366) Integer withinDays,
                              @QueryParam("offset") @DefaultValue("0") @Min(0) int offset,
                              @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(200) int limit) {
        int within = withinDays != null ? withinDays : (int) config.remindBefore().toDays();
        return worklist.due(user, mine, within, offset, limit);
    }

    @GET
    @Path("/doctors")
    @Operation(summary = "The clinicians of an alliance hospital that a schedule can be handed to (no patient data)")
    public List<Doctor> doctors(@QueryParam("hospitalId") @NotNull UUID hospitalId) {
        return schedules.doctors(user, hospitalId);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One schedule with its visits (audited)")
    public ScheduleView get(@PathParam("id") UUID id) {
        return schedules.get(user, id);
    }

    @PUT
    @Path("/{id}/assignee")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Hand the schedule over to a (community) doctor of an alliance hospital")
    public ScheduleView handOver(@PathParam("id") UUID id, @NotNull @Valid HandOverRequest request) {
        return schedules.handOver(user, id, request);
    }

    /** The new day of an open visit. */
    public record Reschedule(@NotNull LocalDate dueOn) {
    }

    @PUT
    @Path("/{id}/visits/{visit}/due-on")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Move an open visit to another day")
    public ScheduleView reschedule(@PathParam("id") UUID id, @PathParam("visit") UUID visit,
                                   @NotNull @Valid Reschedule request) {
        return schedules.reschedule(user, id, visit, request.dueOn());
    }

    @POST
    @Path("/{id}/visits/{visit}/outcome")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Record a visit's contact and outcome; the attending doctor is notified",
            description = "400 for a death after the contact that reports it, or a contact after a recorded death.")
    public ScheduleView outcome(@PathParam("id") UUID id, @PathParam("visit") UUID visit,
                                @NotNull @Valid OutcomeRequest request) {
        return schedules.recordOutcome(user, id, visit, request);
    }
}
