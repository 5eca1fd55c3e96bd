package org.consilium.archive.dimse;

import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.UUID;
import org.consilium.identity.CurrentUser;
import org.consilium.identity.Role;
import org.eclipse.microprofile.openapi.annotations.Operation;

@Path("/api/hospitals/{hospitalId}/application-entities")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class AeResource {

    @Inject
    CurrentUser user;
    @Inject
    AeRegistry registry;

    @GET
    @Operation(summary = "A hospital's DICOM application entities, by AE title")
    public List<AeEntry> list(@PathParam("hospitalId") UUID hospitalId) {
        return registry.list(user, hospitalId);
    }

    @GET
    @Path("/{aeId}")
    @Operation(summary = "One application entity")
    public AeEntry get(@PathParam("hospitalId") UUID hospitalId, @PathParam("aeId") UUID aeId) {
        return registry.get(user, hospitalId, aeId);
    }

    @POST
    @RolesAllowed({Role.HOSPITAL_ADMIN, Role.PLATFORM_ADMIN})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Register an application entity (AE titles are unique across the alliance)")
    public Response create(@PathParam("hospitalId") UUID hospitalId, @NotNull @Valid AeRequest request,
                           @Context UriInfo uri) {
        AeEntry created = registry.create(user, hospitalId, request);
        return Response.created(uri.getAbsolutePathBuilder().path(created.id().toString()).build())
                .entity(created).build();
    }

    @PUT
    @Path("/{aeId}")
    @RolesAllowed({Role.HOSPITAL_ADMIN, Role.PLATFORM_ADMIN})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replace an application entity's title, address, directions and description")
    public AeEntry update(@PathParam("hospitalId") UUID hospitalId, @PathParam("aeId") UUID aeId,
                          @NotNull @Valid AeRequest request) {
        return registry.update(user, hospitalId, aeId, request);
    }

    @DELETE
    @Path("/{aeId}")
    @RolesAllowed({Role.HOSPITAL_ADMIN, Role.PLATFORM_ADMIN})
    @Operation(summary = "Remove an application entity; it can no longer associate or receive")
    public void delete(@PathParam("hospitalId") UUID hospitalId, @PathParam("aeId") UUID aeId) {
        registry.delete(user, hospitalId, aeId);
    }
}
