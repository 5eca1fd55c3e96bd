package org.consilium.archive.forward;

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
import jakarta.ws.rs.core.Response;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.consilium.identity.CurrentUser;
import org.consilium.platform.Page;
import org.consilium.platform.ProblemException;
import org.consilium.platform.ProblemType;
import org.eclipse.microprofile.openapi.annotations.Operation;

@Path("/api/forwarding")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class ForwardResource {

    @Inject
    CurrentUser user;
    @Inject
    Forwarder forwarder;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Queue C-STORE of a study or of listed instances to a registered AE; one job per instance")
    public Response forward(@NotNull @Valid ForwardRequest request) {
        List<ForwardJobView> jobs = forwarder.forward(user, request);
        return Response.accepted(jobs).build();
    }

    @GET
    @Operation(summary = "Your hospital's forwarding jobs, newest first")
    public Page<ForwardJobView> list(@QueryParam("state") String state,
                                     @QueryParam("offset") @DefaultValue("0") @Min(0) int offset,
                                     @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(500) int limit) {
        return forwarder.list(user, state == null ? null : parse(state), offset, limit);
    }

    private static ForwardState parse(String state) {
        try {
            return ForwardState.valueOf(state);
        } catch (IllegalArgumentException e) {
            throw new ProblemException(ProblemType.BAD_REQUEST, "state must be one of "
                    + Arrays.toString(ForwardState.values()));
        }
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One forwarding job")
    public ForwardJobView get(@PathParam("id") UUID id) {
        return forwarder.get(user, id);
    }
}
