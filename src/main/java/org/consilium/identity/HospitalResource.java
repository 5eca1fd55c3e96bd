package org.consilium.identity;

import io.quarkus.security.Authenticated;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Context;
import java.util.List;
import java.util.UUID;
import org.consilium.audit.AuditLog;
import org.consilium.audit.Outcome;
import org.consilium.platform.Page;
import org.consilium.platform.ProblemException;
import org.consilium.platform.ProblemType;
import org.eclipse.microprofile.openapi.annotations.Operation;

@Path("/api/hospitals")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class HospitalResource {

    @Inject
    CurrentUser user;
    @Inject
    HospitalDirectory hospitals;
    @Inject
    HospitalAccess access;
    @Inject
    HospitalOnboarding onboarding;
    @Inject
    StaffDirectory staff;
    @Inject
    AuditLog audit;

    @GET
    @Operation(summary = "The alliance directory: every hospital, provincial first")
    public List<HospitalView> list() {
        return hospitals.all();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One hospital")
    public HospitalView get(@PathParam("id") UUID id) {
        return hospitals.byId(id).orElseThrow(() -> ProblemException.notFound("Hospital " + id));
    }

    @POST
    @RolesAllowed(Role.PLATFORM_ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Onboard a hospital: Keycloak organization, hospital-admin user, local row (idempotent on alias)")
    public Response onboard(@NotNull @Valid OnboardRequest request, @Context UriInfo uri) {
        OnboardResult result = onboarding.onboard(request, user);
        if (!result.created()) {
            return Response.ok(result).build();
        }
        return Response.created(uri.getAbsolutePathBuilder().path(result.hospital().id().toString()).build())
                .entity(result).build();
    }

    @GET
    @Path("/{id}/staff")
    @Operation(summary = "A hospital's staff from Keycloak, by role and discipline")
    public Page<StaffMember> staff(@PathParam("id") UUID id,
                                   @QueryParam("role") String role,
                                   @QueryParam("discipline") String discipline,
                                   @QueryParam("offset") @DefaultValue("0") @Min(0) int offset,
                                   @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(200) int limit) {
        if (role != null && !Role.ALL.contains(role)) {
            throw new ProblemException(ProblemType.BAD_REQUEST, "role must be one of " + Role.ALL);
        }
        if (discipline != null && !Role.DISCIPLINES.contains(discipline)) {
            throw new ProblemException(ProblemType.BAD_REQUEST, "discipline must be one of " + Role.DISCIPLINES);
        }
        HospitalView hospital = access.requireVisible(user, id, "hospital.staff.read");
        Page<StaffMember> page = staff.staff(hospital, role, discipline, offset, limit);
        audit.record(user.asActor(), hospital.id(), "hospital.staff.read", "hospital:" + hospital.alias(),
                Outcome.SUCCESS, page.items().size() + " of " + page.total() + " staff");
        return page;
    }
}
