package org.consilium.registry.screening;

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
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/screening/programmes")
@RolesAllowed({Role.CLINICIAN, Role.CASE_MANAGER, Role.PLATFORM_ADMIN})
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "screening", description = "Screening programmes (科普宣教与筛查): targets, education sessions, people and results")
public class ScreeningResource {

    static final String CSV_EXAMPLE = """
            居民编号,姓名,性别,出生日期,邀请日期,问卷,FIT,肠镜日期,肠镜结果,病理
            ZC-0001,沈玉芳,女,1962-07-19,2026-03-11,非高危,阳性,2026-04-02,癌前病变,管状腺瘤
            ZC-0002,钱国强,男,1958-01-02,2026-03-11,非高危,阴性,,,
            """;

    @Inject
    CurrentUser user;
    @Inject
    ScreeningProgrammes programmes;
    @Inject
    ScreeningParticipants participants;
    @Inject
    ScreeningImport imports;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Start a screening programme with each member unit's target population (case managers)")
    @APIResponse(responseCode = "201", description = "created",
            content = @Content(schema = @Schema(implementation = ProgrammeView.class)))
    public Response create(@NotNull @Valid ProgrammeRequest request, @Context UriInfo uri) {
        ProgrammeView p = programmes.create(user, request);
        return Response.created(uri.getAbsolutePathBuilder().path(p.id().toString()).build()).entity(p).build();
    }

    @GET
    @Operation(summary = "The programmes with a member unit the caller may see, with their figures")
    public Page<ProgrammeView> list(@QueryParam("offset") @DefaultValue("0") @Min(0) int offset,
                                    @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(200) int limit) {
        return programmes.list(user, offset, limit);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "A programme: education sessions and figures per member unit and in total",
            description = "Rates are fractions, null when their denominator is zero: screening rate = screened / target"
                    + " population; high-risk rate = high risk / screened; colonoscopy completion = high-risk people"
                    + " with a colonoscopy / high risk; positive-detection rate = cancers and precancerous lesions /"
                    + " colonoscopies.")
    public ProgrammeView get(@PathParam("id") UUID id) {
        return programmes.get(user, id);
    }

    @POST
    @Path("/{id}/sessions")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Record a health-education session held (科普宣教)")
    @APIResponse(responseCode = "201", description = "recorded",
            content = @Content(schema = @Schema(implementation = ProgrammeView.Session.class)))
    public Response addSession(@PathParam("id") UUID id, @NotNull @Valid SessionRequest request) {
        return Response.status(201).entity(programmes.addSession(user, id, request)).build();
    }

    @GET
    @Path("/{id}/participants")
    @Operation(summary = "The people of a programme, by member unit, stage and name or local ID")
    public Page<ParticipantView> participants(@PathParam("id") UUID id, @QueryParam("hospital") UUID hospital,
                                              @QueryParam("stage") Stage stage, @QueryParam("q") String search,
                                              @QueryParam("offset") @DefaultValue("0") @Min(0) int offset,
                                              @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(500) int limit) {
        return participants.list(user, id, hospital, stage, search, offset, limit);
    }

    @POST
    @Path("/{id}/participants")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Invite a person; 409 when the unit already invited that local ID")
    @APIResponse(responseCode = "201", description = "invited",
            content = @Content(schema = @Schema(implementation = ParticipantView.class)))
    public Response invite(@PathParam("id") UUID id, @NotNull @Valid ParticipantRequest request) {
        return Response.status(201).entity(participants.invite(user, id, request)).build();
    }

    @PUT
    @Path("/{id}/participants/{participantId}/result")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Record a person's results (questionnaire, FIT, colonoscopy, finding, pathology)")
    public ParticipantView record(@PathParam("id") UUID id, @PathParam("participantId") UUID participantId,
                                  @NotNull @Valid ResultRequest request) {
        return participants.record(user, id, participantId, request);
    }

    @POST
    @Path("/{id}/participants/{participantId}/tumor-report")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Report the cancer screening found as a new-tumor report, in one step",
            description = "Only for a finding of CANCER, once; the person becomes a patient of their unit (found or"
                    + " registered without duplicates) and the unit's case managers are told at once.")
    public ParticipantView reportCancer(@PathParam("id") UUID id, @PathParam("participantId") UUID participantId,
                                        @NotNull @Valid CancerReportRequest request) {
        return participants.reportCancer(user, id, participantId, request);
    }

    @POST
    @Path("/{id}/import")
    @Consumes({"text/csv", MediaType.TEXT_PLAIN})
    @Operation(summary = "Import people and results from CSV; all rows or none",
            description = "Columns by English or Chinese name: local_id/居民编号, name/姓名, sex/性别, birth_date/出生日期,"
                    + " invited_on/邀请日期 (required), questionnaire/问卷 (高危/非高危), fit/FIT (阳性/阴性),"
                    + " colonoscopy_on/肠镜日期, finding/肠镜结果 (癌/癌前病变/其他良性/正常), pathology/病理, hospital/单位"
                    + " (alias; default the caller's). If any row is wrong, nothing is imported and the 400 problem"
                    + " lists each wrong row in errors[] (field: row N). A person already in the programme is updated.")
    @RequestBody(content = @Content(mediaType = "text/csv", examples = @ExampleObject(name = "county form",
            value = CSV_EXAMPLE)))
    public ScreeningImport.ImportReport importCsv(@PathParam("id") UUID id, @NotNull String csv) {
        return imports.importCsv(user, id, csv);
    }
}
