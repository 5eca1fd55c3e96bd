package org.consilium.archive.upload;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.consilium.platform.Problem;
import org.consilium.platform.ProblemType;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * tus 1.0, "Tus-Resumable": every request to /api/uploads but OPTIONS names the protocol version it speaks;
 * a client of another version (or none) gets 412 with the version this server speaks.
 */
public class TusVersion {

    @ServerRequestFilter
    public Optional<Response> require(ContainerRequestContext request) {
        if (!request.getUriInfo().getPath().startsWith("/api/uploads") || "OPTIONS".equals(request.getMethod())
                || UploadResource.TUS_VERSION.equals(request.getHeaderString("Tus-Resumable"))) {
            return Optional.empty();
        }
        Problem problem = Problem.of(ProblemType.PRECONDITION_FAILED, "this server speaks tus " + UploadResource.TUS_VERSION
                + ": send the header Tus-Resumable: " + UploadResource.TUS_VERSION, "/" + request.getUriInfo().getPath()
                .replaceFirst("^/", ""));
        return Optional.of(Response.status(Response.Status.PRECONDITION_FAILED).type(Problem.MEDIA_TYPE).entity(problem)
                .header("Tus-Version", UploadResource.TUS_VERSION).header("Tus-Resumable", UploadResource.TUS_VERSION)
                .build());
    }
}
