package org.consilium.registry.statistics;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.consilium.identity.CurrentUser;
import org.consilium.identity.Role;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/registry/outward-referrals")
@RolesAllowed({Role.CLINICIAN, Role.SPECIALIST, Role.CASE_MANAGER})
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "registry")
public class OutwardReferralResource {

    @Inject
    CurrentUser user;
    @Inject
    OutwardReferrals outward;

    @POST
    @Operation(summary = "Record that a patient was referred to a hospital outside the alliance (外转)",
            description = "By the patient's own hospital; counted in the outward-referral rate of the statistics. "
                    + "Another hospital's patient answers 404 (or 403 for a provincial case manager), a future date 400.")
    public Response record(@NotNull @Valid OutwardReferrals.OutwardRequest request) {
        return Response.status(Response.Status.CREATED).entity(outward.record(user, request)).build();
    }
}
