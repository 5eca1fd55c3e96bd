package org.consilium.registry.referral;

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
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.consilium.identity.CurrentUser;
import org.consilium.identity.Role;
import org.consilium.platform.Page;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/registry/referrals")
@RolesAllowed({Role.CLINICIAN, Role.CASE_MANAGER, Role.SPECIALIST, Role.RT_STAFF, Role.PLATFORM_ADMIN})
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "registry")
public class ReferralResource {

    @Inject
    CurrentUser user;
    @Inject
    Referrals referrals;
    @Inject
    ReferralMoves moves;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Raise a referral (上转 / 下转)",
            description = "UP: from the patient's county hospital to a provincial one, with green-channel flags. "
                    + "DOWN: from the caller's hospital to a county hospital or a named doctor there, with a plan. "
                    + "The studies must be the referring hospital's; they are granted to the receiving hospital. "
                    + "A hospital outside the alliance, or a route the direction does not allow, answers 400.")
    public Response create(@NotNull @Valid ReferralRequest request, @Context UriInfo uri) {
        ReferralView r = referrals.create(user, request, null);
        return Response.created(uri.getAbsolutePathBuilder().path(r.id().toString()).build()).entity(r).build();
    }

    @GET
    @Operation(summary = "The referrals the caller's hospital sent or receives, newest first",
            description = "incoming=true: only those addressed to the caller's hospital (or to the caller by name); "
                    + "incoming=false: only those sent.")
    public Page<ReferralView> list(@QueryParam("incoming") Boolean incoming,
                                   @QueryParam("state") ReferralState state,
                                   @QueryParam("offset") @DefaultValue("0") @Min(0) int offset,
                                   @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(200) int limit) {
        return referrals.list(user, incoming, state, offset, limit);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One referral with its items and history (audited)")
    public ReferralView get(@PathParam("id") UUID id) {
        return referrals.get(user, id);
    }

    @POST
    @Path("/{id}/transitions")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Accept (appointment or bed), decline (reason), arrive or complete; receiving hospital only")
    public ReferralView move(@PathParam("id") UUID id, @NotNull @Valid ReferralTransition transition) {
        return moves.move(user, id, transition);
    }

    @POST
    @Path("/{id}/items/{item}/recognition")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Recognise a carried study or report (结果互认), or record why it was repeated")
    public ReferralView recognise(@PathParam("id") UUID id, @PathParam("item") UUID item,
                                  @NotNull @Valid RecognitionRequest request) {
        return moves.recognise(user, id, item, request);
    }
}
