package org.consilium.consult.board;

import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.consilium.identity.CurrentUser;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/meetings")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "MDT meetings", description = "Boards, agendas, invitations and sessions")
public class MeetingResource {

    static final String MEETING_EXAMPLE = """
            {"id": "019a8c2e-4b1f-7c3d-9e2a-5f6b7c8d9e0f", "kind": "BOARD", "title": "胸部肿瘤 MDT",
             "startsAt": "2026-11-25T06:30:00Z", "endsAt": "2026-11-25T08:00:00Z",
             "place": "门诊楼 5 楼会诊中心", "onlineUrl": "https://meet.example.org/mdt-thoracic",
             "chair": {"id": "3f0e8a4c-0c1e-4f55-9d4f-6a1f8a2b7c11", "username": "dr.li", "displayName": "李明"},
             "state": "PLANNED", "agenda": [{"consultId": "019a8c2d-0000-7000-8000-00000000c001", "position": 1}],
             "invitations": [{"userId": "3f0e8a4c-0c1e-4f55-9d4f-6a1f8a2b7c11", "username": "dr.li",
               "displayName": "李明", "discipline": "radiation-oncology", "response": "ACCEPTED"}],
             "createdBy": "cm.wang", "version": 0}""";

    static final String CALENDAR = "text/calendar";
    static final String ICS_EXAMPLE = """
            BEGIN:VCALENDAR
            VERSION:2.0
            PRODID:-//Consilium//MDT Consult Board//ZH
            BEGIN:VEVENT
            UID:019a8c2e-4b1f-7c3d-9e2a-5f6b7c8d9e0f@consilium
            SEQUENCE:2
            DTSTART;TZID=Asia/Shanghai:20261125T143000
            DTEND;TZID=Asia/Shanghai:20261125T160000
            SUMMARY:胸部肿瘤 MDT
            LOCATION:门诊楼 5 楼会诊中心
            STATUS:CONFIRMED
            END:VEVENT
            END:VCALENDAR""";

    @Inject
    CurrentUser user;
    @Inject
    Meetings meetings;
    @Inject
    Sessions sessions;
    @Inject
    BoardCalendar calendar;

    /** A consult to add to an agenda. */
    public record AgendaAdd(@NotNull UUID consultId, Long version) {
    }

    /** The agenda in its new order. */
    public record AgendaOrder(@NotNull @Size(min = 1, max = 30) List<@NotNull UUID> consultIds, Long version) {
    }

    /** People to invite, by Keycloak user id. */
    public record Invite(@NotNull @Size(min = 1, max = 50) List<@NotNull String> userIds) {
    }

    /** An invitee's answer. */
    public record Answer(@NotNull Invitation.Response response) {
    }

    /** The version the client saw. */
    public record Step(Long version) {
    }

    /** Someone joining the session: null for oneself. */
    public record Attendance(String userId) {
    }

    /** The consult to present now. */
    public record Presenting(@NotNull UUID consultId, Long version) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Schedule a board or an ad-hoc session (case managers); its consults become SCHEDULED")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "board", value = """
            {"kind": "BOARD", "title": "胸部肿瘤 MDT", "startsAt": "2026-11-25T06:30:00Z",
             "endsAt": "2026-11-25T08:00:00Z", "place": "门诊楼 5 楼会诊中心",
             "onlineUrl": "https://meet.example.org/mdt-thoracic", "chairId": "3f0e8a4c-0c1e-4f55-9d4f-6a1f8a2b7c11",
             "consultIds": ["019a8c2d-0000-7000-8000-00000000c001"],
             "inviteeIds": ["8d2c1b7a-5e4f-4a3b-9c8d-7e6f5a4b3c21"]}""")))
    @APIResponse(responseCode = "201", description = "Scheduled", content = @Content(
            schema = @Schema(implementation = MeetingView.class), examples = @ExampleObject(name = "meeting",
            value = MEETING_EXAMPLE)))
    public Response create(@NotNull @Valid MeetingRequest request, @Context UriInfo uri) {
        MeetingView created = meetings.create(user, request);
        return Response.created(uri.getAbsolutePathBuilder().path(created.id().toString()).build())
                .entity(created).build();
    }

    @GET
    @Operation(summary = "Meetings starting in [from, to): all of them for case managers, else those you chair or"
            + " are invited to")
    public List<MeetingView> list(@QueryParam("from") Instant from, @QueryParam("to") Instant to) {
        return meetings.list(user, from, to);
    }

    @GET
    @Path("/mine.ics")
    @Produces(CALENDAR)
    @Operation(summary = "Your meetings as iCalendar: those you chair, accepted or have not answered")
    @APIResponse(responseCode = "200", content = @Content(mediaType = CALENDAR, examples = @ExampleObject(
            name = "ics", value = ICS_EXAMPLE)))
    public Response mine() {
        return Response.ok(calendar.mine(user), CALENDAR)
                .header("Content-Disposition", "attachment; filename=\"mdt.ics\"").build();
    }

    @GET
    @Path("/{id}/calendar.ics")
    @Produces(CALENDAR)
    @Operation(summary = "One meeting as iCalendar (RFC 5545)")
    @APIResponse(responseCode = "200", content = @Content(mediaType = CALENDAR, examples = @ExampleObject(
            name = "ics", value = ICS_EXAMPLE)))
    public Response ics(@PathParam("id") UUID id) {
        return Response.ok(calendar.meeting(user, id), CALENDAR)
                .header("Content-Disposition", "attachment; filename=\"mdt-" + id + ".ics\"").build();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One meeting with its agenda and invitations")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = MeetingView.class),
            examples = @ExampleObject(name = "meeting", value = MEETING_EXAMPLE)))
    public MeetingView get(@PathParam("id") UUID id) {
        return meetings.get(user, id);
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Reschedule or rename a planned meeting; invitees are notified")
    public MeetingView update(@PathParam("id") UUID id, @NotNull @Valid MeetingUpdate update) {
        return meetings.update(user, id, update);
    }

    @POST
    @Path("/{id}/agenda")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Add a triaged consult to a planned board's agenda; it becomes SCHEDULED")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "add", value = """
            {"consultId": "019a8c2d-0000-7000-8000-00000000c002", "version": 0}""")))
    public MeetingView addToAgenda(@PathParam("id") UUID id, @NotNull @Valid AgendaAdd add) {
        return meetings.addToAgenda(user, id, add.consultId(), add.version());
    }

    @PUT
    @Path("/{id}/agenda")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Reorder the agenda")
    public MeetingView reorder(@PathParam("id") UUID id, @NotNull @Valid AgendaOrder order) {
        return meetings.reorder(user, id, order.consultIds(), order.version());
    }

    @DELETE
    @Path("/{id}/agenda/{consultId}")
    @Operation(summary = "Take a consult off a planned agenda; it goes back to TRIAGED")
    public MeetingView removeFromAgenda(@PathParam("id") UUID id, @PathParam("consultId") UUID consultId,
                                       @QueryParam("version") Long version) {
        return meetings.removeFromAgenda(user, id, consultId, version);
    }

    @POST
    @Path("/{id}/invitations")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Invite staff (provincial, or of a requesting hospital); they are assigned to the agenda's"
            + " consults and notified")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "invite", value = """
            {"userIds": ["8d2c1b7a-5e4f-4a3b-9c8d-7e6f5a4b3c21"]}""")))
    public MeetingView invite(@PathParam("id") UUID id, @NotNull @Valid Invite invite) {
        return meetings.invite(user, id, invite.userIds());
    }

    @PUT
    @Path("/{id}/invitations/me")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Accept or decline your invitation")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "accept", value = "{\"response\": \"ACCEPTED\"}")))
    public MeetingView respond(@PathParam("id") UUID id, @NotNull @Valid Answer answer) {
        return meetings.respond(user, id, answer.response());
    }

    @GET
    @Path("/{id}/session")
    @Operation(summary = "The session: what a live room needs (room kind and reference id, presenting consult and its"
            + " studies, attendees)")
    public SessionView session(@PathParam("id") UUID id) {
        return sessions.get(user, id);
    }

    @POST
    @Path("/{id}/session/open")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Open the session (chair or case manager)")
    public SessionView open(@PathParam("id") UUID id, Step step) {
        return sessions.open(user, id, step == null ? null : step.version());
    }

    @PUT
    @Path("/{id}/session/presenting")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Present a consult of the agenda now; a scheduled consult becomes IN_SESSION")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "present", value = """
            {"consultId": "019a8c2d-0000-7000-8000-00000000c001"}""")))
    public SessionView present(@PathParam("id") UUID id, @NotNull @Valid Presenting presenting) {
        return sessions.present(user, id, presenting.consultId(), presenting.version());
    }

    @POST
    @Path("/{id}/session/attendance")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Record attendance: yourself (empty body), or an invitee (chair, case manager)")
    public SessionView attend(@PathParam("id") UUID id, Attendance attendance) {
        return sessions.attend(user, id, attendance == null ? null : attendance.userId());
    }

    @POST
    @Path("/{id}/session/close")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Close the session (chair or case manager)")
    public SessionView close(@PathParam("id") UUID id, Step step) {
        return sessions.close(user, id, step == null ? null : step.version());
    }
}
