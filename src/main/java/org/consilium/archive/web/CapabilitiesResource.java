package org.consilium.archive.web;

import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.OPTIONS;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The DICOMweb capabilities (PS3.18 8.9): a WADL document of every resource, method, query parameter and
 * media type we serve, from {@code OPTIONS /dicomweb} (the standard's transaction) or {@code GET /dicomweb}.
 */
@Path(DicomWebLinks.ROOT)
@Authenticated
public class CapabilitiesResource {

    static final String WADL = "application/vnd.sun.wadl+xml";
    private static final String TEMPLATE = load();

    @OPTIONS
    @Produces(WADL)
    @Operation(summary = "DICOMweb capabilities (WADL)")
    public Response options(@Context UriInfo uri) {
        return document(uri);
    }

    @GET
    @Produces({WADL, "application/xml"})
    @Operation(summary = "DICOMweb capabilities (WADL)")
    public Response get(@Context UriInfo uri) {
        return document(uri);
    }

    private static Response document(UriInfo uri) {
        String base = uri.getBaseUriBuilder().path(DicomWebLinks.ROOT).build() + "/";
        return Response.ok(TEMPLATE.replace("${base}", base)).type(WADL).build();
    }

    private static String load() {
        try (InputStream in = CapabilitiesResource.class.getResourceAsStream("/dicomweb/capabilities.wadl")) {
            if (in == null) {
                throw new IllegalStateException("dicomweb/capabilities.wadl is missing from the build");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
