package org.consilium.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
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
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.consilium.identity.CurrentUser;
import org.consilium.identity.HospitalView;
import org.consilium.platform.Problem;
import org.consilium.platform.ProblemException;
import org.consilium.platform.ProblemType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Live rooms over REST: socket tickets, room management, snapshot and event history (docs/live-protocol.md). */
@Path("/api/live")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class LiveResource {

    @Inject
    CurrentUser user;
    @Inject
    Rooms rooms;
    @Inject
    RoomAccess access;
    @Inject
    Tickets tickets;
    @Inject
    RoomLog log;
    @Inject
    Presence presence;
    @Inject
    ObjectMapper json;

    public record TicketRequest(UUID roomId) {
    }

    public record TicketView(String ticket, Instant expiresAt, String socketPath) {
    }

    public record RoomRequest(@NotNull RoomKind kind, @NotNull UUID refId, @NotBlank @Size(max = 200) String title) {
    }

    public record AdmitRequest(@NotBlank @Size(max = 200) String displayName, @NotBlank @Size(max = 40) String role) {
    }

    public record RoomView(UUID id, RoomKind kind, UUID refId, String title, long seq, Instant createdAt,
                           Instant closedAt, List<Rooms.Participant> participants) {
    }

    public record EventView(long seq, JsonNode event) {
    }

    @POST
    @Path("/tickets")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "A one-time socket ticket (30 s) for a room, or for your own channel when roomId is absent")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "room",
            value = "{\"roomId\": \"019a5d1e-7c1b-7a3e-9d2f-5b6c7d8e9f00\"}")))
    public Response ticket(TicketRequest request) {
        UUID roomId = request == null ? null : request.roomId();
        if (roomId != null && rooms.find(roomId).isEmpty()) {
            throw ProblemException.notFound("Room " + roomId);
        }
        Tickets.Issued t = tickets.issue(new Tickets.Holder(user.id(), user.username(), user.displayName(),
                user.hospital().map(HospitalView::id).orElse(null), roomId));
        String path = roomId == null ? "/api/live/me/socket?ticket=" + t.ticket()
                : "/api/live/rooms/" + roomId + "/socket?ticket=" + t.ticket();
        return Response.status(201).entity(new TicketView(t.ticket(), t.expiresAt(), path)).build();
    }

    @POST
    @Path("/rooms")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Open (or reopen) the room of a session or review; idempotent on kind + refId")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "consult session", value =
            "{\"kind\": \"CONSULT_SESSION\", \"refId\": \"019a5d1e-0000-7000-8000-000000000001\", \"title\": \"肺癌 MDT 2026-11-23\"}")))
    public RoomView open(@NotNull @Valid RoomRequest request) {
        access.requireManager(user);
        return view(rooms.require(rooms.open(request.kind(), request.refId(), request.title())));
    }

    @GET
    @Path("/rooms/{roomId}")
    @Operation(summary = "A room with its participants (participants and room managers)")
    public RoomView get(@PathParam("roomId") UUID roomId) {
        return view(access.requireReadable(user, roomId, "live.room.read"));
    }

    @PUT
    @Path("/rooms/{roomId}/participants/{userId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Admit a user (Keycloak subject) with a role: chair, presenter, specialist, observer, ...")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "specialist",
            value = "{\"displayName\": \"李明\", \"role\": \"specialist\"}")))
    public RoomView admit(@PathParam("roomId") UUID roomId, @PathParam("userId") String userId,
                          @NotNull @Valid AdmitRequest request) {
        access.requireManaged(user, roomId);
        rooms.admit(roomId, userId, request.displayName(), request.role());
        return view(rooms.require(roomId));
    }

    @DELETE
    @Path("/rooms/{roomId}/participants/{userId}")
    @Operation(summary = "Revoke a participant; their open sockets close with 4403")
    public void revoke(@PathParam("roomId") UUID roomId, @PathParam("userId") String userId) {
        access.requireManaged(user, roomId);
        rooms.revoke(roomId, userId);
    }

    @POST
    @Path("/rooms/{roomId}/close")
    @Operation(summary = "Close a room; its sockets close with 4410")
    public RoomView close(@PathParam("roomId") UUID roomId) {
        access.requireManaged(user, roomId);
        rooms.close(roomId);
        return view(rooms.require(roomId));
    }

    @GET
    @Path("/rooms/{roomId}/snapshot")
    @Operation(summary = "The room's state (annotations, contours, votes, follow-me, presence, leases) and its seq")
    public JsonNode snapshot(@PathParam("roomId") UUID roomId) {
        access.requireReadable(user, roomId, "live.snapshot");
        return presence.snapshot(roomId);
    }

    @GET
    @Path("/rooms/{roomId}/events")
    @Operation(summary = "The room's events after a seq, in order: resync without a socket")
    public List<EventView> events(@PathParam("roomId") UUID roomId,
                                  @QueryParam("after") @DefaultValue("0") @Min(0) long after,
                                  @QueryParam("limit") @DefaultValue("500") @Min(1) @Max(5000) int limit) {
        access.requireReadable(user, roomId, "live.events");
        return log.after(roomId, after, limit).stream().map(e -> new EventView(e.seq(), parse(e.body()))).toList();
    }

    /** A refusal from the room layer (closed room, vanished room) as problem+json. */
    @ServerExceptionMapper
    public Response refused(LiveError e, UriInfo uri) {
        ProblemType type = switch (e.code()) {
            case "not-found" -> ProblemType.NOT_FOUND;
            case "room-closed", "conflict", "lease-held" -> ProblemType.CONFLICT;
            default -> ProblemType.BAD_REQUEST;
        };
        return Response.status(type.status()).type(Problem.MEDIA_TYPE)
                .entity(Problem.of(type, e.getMessage(), uri.getPath())).build();
    }

    private RoomView view(Rooms.Room r) {
        return new RoomView(r.id(), r.kind(), r.refId(), r.title(), r.seq(), r.createdAt(), r.closedAt(),
                rooms.participants(r.id()));
    }

    private JsonNode parse(String body) {
        try {
            return json.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
