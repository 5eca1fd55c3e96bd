package org.consilium.registry.report;

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
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/registry/reports")
@RolesAllowed({Role.CLINICIAN, Role.CASE_MANAGER, Role.SPECIALIST, Role.RT_STAFF, Role.PLATFORM_ADMIN})
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "registry", description = "Case management: new-tumor reports and referrals (新发肿瘤报告与双向转诊)")
public class TumorReportResource {

    @Inject
    CurrentUser user;
    @Inject
    TumorReports reports;
    @Inject
    ReportConsults consults;
    @Inject
    ReportReferrals referrals;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Report a new or suspected malignancy (新发肿瘤报告)",
            description = "The patient is given by id, or by details: found in the reporting hospital's register by "
                    + "local ID, ID card or MRN, registered when absent. icd10 must be an ICD-10 C code (C00–C97), "
                    + "topography an ICD-O-3 topography code (C00.0–C80.9); other codes answer 400 validation. The "
                    + "hospital's case managers and the provincial ones are notified at once; the record clock starts.")
    public Response report(@NotNull @Valid ReportRequest request, @Context UriInfo uri) {
        ReportView r = reports.report(user, request);
        return Response.created(uri.getAbsolutePathBuilder().path(r.id().toString()).build()).entity(r).build();
    }

    @GET
    @Operation(summary = "The reports the caller may see: open ones by their record clock, overdue on top",
            description = "A county sees its own hospital's reports; provincial case managers see the alliance's.")
    public Page<ReportView> queue(@QueryParam("open") @DefaultValue("false") boolean open,
                                  @QueryParam("offset") @DefaultValue("0") @Min(0) int offset,
                                  @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(200) int limit) {
        return reports.queue(user, open, offset, limit);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One report (audited)")
    public ReportView get(@PathParam("id") UUID id) {
        return reports.get(user, id);
    }

    @POST
    @Path("/{id}/record")
    @Operation(summary = "Record the report (立即录档), stopping its clock; case managers only")
    public ReportView record(@PathParam("id") UUID id, @QueryParam("version") @NotNull Long version) {
        return reports.record(user, id, version);
    }

    @PUT
    @Path("/{id}/priority")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Set the priority channel (优先通道): examination, consultation, admission",
            description = "Each flag turned on records who arranged it and when. Only recorded reports.")
    public ReportView prioritise(@PathParam("id") UUID id, @QueryParam("version") @NotNull Long version,
                                 @NotNull @Valid PriorityChannelRequest request) {
        return reports.prioritise(user, id, version, request);
    }

    @POST
    @Path("/{id}/consult")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Raise a consult request from a recorded report in one step",
            description = "A report with priority consultation is requested in the green channel.")
    public ReportView raiseConsult(@PathParam("id") UUID id, @QueryParam("version") @NotNull Long version,
                                   @NotNull @Valid RaiseConsultRequest request) {
        return consults.raise(user, id, version, request);
    }

    @POST
    @Path("/{id}/referral")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Raise the up-referral (上转) of a recorded report in one step",
            description = "The report's priority channel becomes the referral's green channel.")
    public ReportView raiseReferral(@PathParam("id") UUID id, @QueryParam("version") @NotNull Long version,
                                    @NotNull @Valid RaiseReferralRequest request) {
        return referrals.raise(user, id, version, request);
    }
}
