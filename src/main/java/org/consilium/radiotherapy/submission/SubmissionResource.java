package org.consilium.radiotherapy.submission;

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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.consilium.identity.CurrentUser;
import org.consilium.platform.Page;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/rt/submissions")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "radiotherapy", description = "Tele-radiotherapy plan review (放疗计划远程审核)")
public class SubmissionResource {

    static final String EXAMPLE_REQUEST = """
            {"studyInstanceUid": "1.2.826.0.1.3680043.10.1453.99.1", "diseaseSite": "lung",
             "prescription": {"totalDoseGy": 60, "fractions": 30}, "technique": "IMRT",
             "clinicalNotes": "右肺上叶腺癌 cT2aN0M0，拒绝手术，根治性放疗",
             "question": "请审核 PTV 外扩及脊髓勾画"}""";
    static final String EXAMPLE_VIEW = """
            {"id": "0193a5b2-7c1e-7d3a-9f00-1b2c3d4e5f60", "state": "AWAITING_REVIEW",
             "studyInstanceUid": "1.2.826.0.1.3680043.10.1453.99.1", "diseaseSite": "lung",
             "prescription": {"totalDoseGy": 60, "fractions": 30}, "technique": "IMRT", "awaiting": [],
             "findings": [{"severity": "WARNING", "code": "dose-grid-does-not-cover-roi", "object": "RTDOSE",
               "sopInstanceUid": "1.2.826.0.1.3680043.10.1453.99.1.4.1",
               "attribute": "GridFrameOffsetVector (3004,000C)", "roi": "4 SPINALCORD",
               "message": "ROI 4 SPINALCORD (ORGAN) reaches beyond the dose grid at z = 118.75 mm"}],
             "version": 2, "submissionVersion": 1}""";

    @Inject
    CurrentUser user;
    @Inject
    Submissions submissions;
    @Inject
    Resubmissions resubmissions;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Submit a plan for review by StudyInstanceUID (rt-staff of a county hospital)",
            description = "The submission waits in AWAITING_OBJECTS until the CT series, RTSTRUCT, RTPLAN and RTDOSE "
                    + "of the study (sent by C-STORE or STOW-RS, in any order) are all indexed, then is checked: "
                    + "AWAITING_REVIEW when no check found an error, BLOCKED otherwise. 409 when the study already "
                    + "has a submission under way; 403 for anyone but county rt-staff.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "lung IMRT", value = EXAMPLE_REQUEST)))
    @APIResponse(responseCode = "201", description = "Submitted", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "checked", value = EXAMPLE_VIEW)))
    public Response submit(@NotNull @Valid SubmissionRequest request, @Context UriInfo uri) {
        SubmissionView s = submissions.submit(user, request);
        return Response.created(uri.getAbsolutePathBuilder().path(s.id().toString()).build()).entity(s).build();
    }

    @GET
    @Operation(summary = "The submissions the caller may see, newest first",
            description = "County staff: their hospital's; assigned reviewers: theirs; provincial case managers and "
                    + "platform-admins: all. Audited.")
    public Page<SubmissionView> list(@QueryParam("state") SubmissionState state,
                                     @QueryParam("offset") @DefaultValue("0") @Min(0) int offset,
                                     @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(200) int limit) {
        return submissions.list(user, state, offset, limit);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One submission, with what it still awaits and its consistency findings",
            description = "Visible to the submitting hospital, its assigned reviewers, provincial case managers and "
                    + "platform-admins; 404 for anyone else. Audited as a PHI read.")
    @APIResponse(responseCode = "200", description = "The submission", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "checked", value = EXAMPLE_VIEW)))
    public SubmissionView get(@PathParam("id") UUID id) {
        return submissions.get(user, id);
    }

    @POST
    @Path("/{id}/resubmission")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Resubmit a returned plan as its next version (rt-staff of the submitting hospital)",
            description = "Answers every required change of the last return by its number (GET …/decision, lastReturn): "
                    + "done, or not done with a reason; 400 naming any change unanswered, answered twice or not done "
                    + "without a reason. The submission goes back to AWAITING_OBJECTS until a new RTSTRUCT, RTPLAN or "
                    + "RTDOSE is in the study, is checked again, and its structure set becomes a RESUBMITTED revision "
                    + "after the latest one (the lineage is kept). 409 unless RETURNED. Audited.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "answers",
            value = """
                    {"answers": [{"change": 1, "done": true, "reason": "脊髓已按椎管内缘重新勾画"},
                                 {"change": 2, "done": false, "reason": "PTV 外扩维持 5 mm：摆位误差数据支持"}],
                     "note": "已重新优化计划"}""")))
    @APIResponse(responseCode = "200", description = "Version 2, awaiting its objects",
            content = @Content(mediaType = MediaType.APPLICATION_JSON))
    public SubmissionView resubmit(@PathParam("id") UUID id, @NotNull @Valid ResubmissionRequest request) {
        return resubmissions.resubmit(user, id, request);
    }

    @GET
    @Path("/{id}/versions")
    @Operation(summary = "The versions of a submission: as submitted, then each resubmission with its answers",
            description = "Same visibility as the submission; audited.")
    @APIResponse(responseCode = "200", description = "Versions, first to current", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "resubmitted", value = """
                    [{"version": 1, "submittedBy": "冯涛", "answers": [], "queuedAt": "2026-12-01T08:00:00Z"},
                     {"version": 2, "submittedBy": "冯涛", "note": "已重新优化计划",
                      "answers": [{"change": 1, "done": true, "reason": "脊髓已按椎管内缘重新勾画"}],
                      "queuedAt": "2026-12-03T09:30:00Z"}]""")))
    public java.util.List<SubmissionVersionView> versions(@PathParam("id") UUID id) {
        return resubmissions.versions(user, id);
    }
}
