package org.consilium.registry.record;

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
import jakarta.ws.rs.PUT;
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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/registry/records")
@RolesAllowed({Role.CLINICIAN, Role.CASE_MANAGER, Role.SPECIALIST, Role.PLATFORM_ADMIN})
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "registry")
public class RegistryRecordResource {

    static final String FHIR_JSON = "application/fhir+json";
    static final String CSV = "text/csv; charset=UTF-8";

    @Inject
    CurrentUser user;
    @Inject
    RegistryRecords records;
    @Inject
    RecordExports exports;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Open a patient's tumor registry record (肿瘤数据库) and fill it from what the system knows",
            description = "Case managers. Filled from the patient's new-tumor report (site codes), the newest consult"
                    + " with a signed recommendation (attending doctor, pathology, ECOG, TNM, intent, modalities, plan),"
                    + " the approved RT plan of that consult's studies and the follow-up visits; filledFrom says where "
                    + "each field came from. One record per patient and ICD-10 category: 409 for a second one.")
    public Response create(@NotNull @Valid RecordRequests.Create request, @Context UriInfo uri) {
        RecordView r = records.create(user, request);
        return Response.created(uri.getAbsolutePathBuilder().path(r.id().toString()).build()).entity(r).build();
    }

    @GET
    @Operation(summary = "The registry records of the hospitals the caller may see, last changed first (audited)")
    public Page<RecordView> list(@Parameter(description = "one hospital; 404 when the caller may not see it")
                                 @QueryParam("hospitalId") UUID hospitalId,
                                 @QueryParam("state") RecordState state,
                                 @QueryParam("offset") @DefaultValue("0") @Min(0) int offset,
                                 @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(200) int limit) {
        return records.list(user, hospitalId, state, offset, limit);
    }

    @GET
    @Path("/export.csv")
    @Produces(CSV)
    @Operation(summary = "The records as CSV for the statutory reports (UTF-8 with BOM; audited)",
            description = "Columns as docs/case-management.md lists them; state=CONFIRMED for confirmed records only.")
    @APIResponse(responseCode = "200", content = @Content(mediaType = CSV,
            schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING)))
    public Response csv(@QueryParam("hospitalId") UUID hospitalId, @QueryParam("state") RecordState state) {
        return Response.ok(exports.csv(user, hospitalId, state), CSV)
                .header("Content-Disposition", "attachment; filename=\"registry-records.csv\"").build();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One record with the provenance of its fields and its confirmed revisions (audited)")
    public RecordView get(@PathParam("id") UUID id) {
        return records.get(user, id);
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Complete the record: every field as it should read",
            description = "Changed fields become the case manager's and are kept by later refills. Unknown ICD-10 or "
                    + "ICD-O-3 codes, a morphology that is not like 8140/3, malformed TNM or contradictory dates are 400 "
                    + "validation with one error per field, and nothing is stored. A confirmed record needs a reason;"
                    + " the confirmed revision is kept and the record becomes the next revision's draft.")
    public RecordView complete(@PathParam("id") UUID id,
                               @Parameter(required = true, example = "3") @QueryParam("version") @NotNull Long version,
                               @NotNull @Valid RecordRequests.Completion request) {
        return records.complete(user, id, version, request);
    }

    @POST
    @Path("/{id}/refill")
    @Operation(summary = "Fill a draft again from the sources, keeping what the case manager entered")
    public RecordView refill(@PathParam("id") UUID id,
                             @Parameter(required = true, example = "3") @QueryParam("version") @NotNull Long version) {
        return records.refill(user, id, version);
    }

    @POST
    @Path("/{id}/confirm")
    @Operation(summary = "Confirm a complete draft (who and when are kept)",
            description = "400 listing the fields still missing (missingForConfirmation); 409 when confirmed already.")
    public RecordView confirm(@PathParam("id") UUID id,
                              @Parameter(required = true, example = "3") @QueryParam("version") @NotNull Long version) {
        return records.confirm(user, id, version);
    }

    @GET
    @Path("/{id}/fhir")
    @Produces(FHIR_JSON)
    @Operation(summary = "The record as an mCODE (FHIR R4) collection Bundle (audited)")
    @APIResponse(responseCode = "200", content = @Content(mediaType = FHIR_JSON,
            schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.OBJECT)))
    public Response fhir(@PathParam("id") UUID id) {
        return Response.ok(exports.fhir(user, id), FHIR_JSON)
                .header("Content-Disposition", "attachment; filename=\"registry-record-" + id + ".fhir.json\"")
                .build();
    }
}
