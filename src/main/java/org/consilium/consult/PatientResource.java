package org.consilium.consult;

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
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/patients")
@RolesAllowed({Role.CLINICIAN, Role.CASE_MANAGER, Role.SPECIALIST, Role.RT_STAFF, Role.PLATFORM_ADMIN})
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "patients", description = "Each hospital's patient register (患者登记)")
public class PatientResource {

    @Inject
    CurrentUser user;
    @Inject
    Patients patients;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Register a patient in a hospital",
            description = "409 conflict when the hospital already has a patient with the same local ID, ID card or "
                    + "medical record number; the problem names that patient. The ID card's check digit is verified "
                    + "and the birth date, when omitted, is taken from it.")
    public Response create(@NotNull @Valid PatientRequest request, @Context UriInfo uri) {
        PatientView p = patients.create(user, request);
        return Response.created(uri.getAbsolutePathBuilder().path(p.id().toString()).build()).entity(p).build();
    }

    @GET
    @Operation(summary = "Search a hospital's patients by name (Chinese, substring) or exact local ID, ID card, MRN",
            description = "Example: GET /api/patients?q=建国 finds 张建国 and 王建国华; ?q=CX-000123 finds by local ID. "
                    + "Exact name matches first, then prefix matches. Audited.")
    public Page<PatientView> search(
            @Parameter(description = "hospital; default the caller's") @QueryParam("hospital") UUID hospital,
            @Parameter(description = "part of the name, or an exact local ID / MRN / ID card", example = "张建")
            @QueryParam("q") String q,
            @QueryParam("localId") String localId, @QueryParam("idCard") String idCard, @QueryParam("mrn") String mrn,
            @QueryParam("offset") @DefaultValue("0") @Min(0) int offset,
            @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(200) int limit) {
        return patients.search(user, hospital, q, localId, idCard, mrn, offset, limit);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One patient (audited)")
    public PatientView get(@PathParam("id") UUID id) {
        return patients.get(user, id);
    }
}
