package org.consilium.registry.teaching;

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
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.consilium.identity.CurrentUser;
import org.consilium.platform.Page;
import org.consilium.radiotherapy.review.RevisionContent;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Teaching cases, courses, trainees' attempts and the leaderboard (远程培训); docs/teaching.md. */
@Path("/api/teaching")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "teaching", description = "De-identified teaching cases, courses and trainee contouring scored against the expert")
public class TeachingResource {

    @Inject
    CurrentUser user;
    @Inject
    TeachingCases cases;
    @Inject
    Courses courses;
    @Inject
    Attempts attempts;

    @POST
    @Path("/cases")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Make a de-identified teaching case of a signed consult or an approved RT review (provincial"
            + " staff); the same source again answers 200 with the case already made")
    @APIResponse(responseCode = "201", description = "made", content = @Content(schema = @Schema(implementation = CaseView.class)))
    @APIResponse(responseCode = "200", description = "already made of this source")
    @APIResponse(responseCode = "409", description = "the consult is not signed, the review not approved, or there is nothing to de-identify")
    public Response create(@NotNull @Valid CaseRequest request) {
        TeachingCases.Made made = cases.create(user, request);
        return made.created()
                ? Response.created(URI.create("/api/teaching/cases/" + made.view().id())).entity(made.view()).build()
                : Response.ok(made.view()).build();
    }

    @GET
    @Path("/cases")
    @Operation(summary = "The case library, newest first, by site (prefix) and stage group; trainees see their courses' cases")
    public Page<CaseView> list(@QueryParam("site") String site, @QueryParam("stage") String stage,
                               @QueryParam("offset") @DefaultValue("0") @Min(0) int offset,
                               @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(200) int limit) {
        return cases.list(user, site, stage, offset, limit);
    }

    @GET
    @Path("/cases/{id}")
    @Operation(summary = "A teaching case: summary, de-identified study and series, target ROI names (never the contours)")
    public CaseView get(@PathParam("id") UUID id) {
        return cases.get(user, id);
    }

    @GET
    @Path("/cases/{id}/expert-contours")
    @Operation(summary = "The expert contours on the de-identified study's UIDs: teachers; a trainee only after"
            + " submitting their own attempt at the case (404 before)")
    public RevisionContent expertContours(@PathParam("id") UUID id) {
        return cases.expertContours(user, id);
    }

    @POST
    @Path("/courses")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a course of teaching cases (provincial staff; the caller teaches it)")
    @APIResponse(responseCode = "201", description = "created", content = @Content(schema = @Schema(implementation = CourseView.class)))
    public Response createCourse(@NotNull @Valid CourseRequest request) {
        CourseView c = courses.create(user, request);
        return Response.created(URI.create("/api/teaching/courses/" + c.id())).entity(c).build();
    }

    @GET
    @Path("/courses")
    @Operation(summary = "Courses the caller teaches, or is enrolled in")
    public List<CourseView> courses() {
        return courses.list(user);
    }

    @GET
    @Path("/courses/{id}")
    @Operation(summary = "A course: its cases (with the caller's own results) and, for the teacher, its trainees")
    public CourseView course(@PathParam("id") UUID id) {
        return courses.get(user, id);
    }

    @POST
    @Path("/courses/{id}/cases/{caseId}")
    @Operation(summary = "Add a case to the course (its teacher); enrolled trainees' hospitals may then read its study")
    public CourseView addCase(@PathParam("id") UUID id, @PathParam("caseId") UUID caseId) {
        return courses.addCase(user, id, caseId);
    }

    @POST
    @Path("/courses/{id}/trainees")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Enrol a county hospital's rt-staff member (the course's teacher)")
    public CourseView enrol(@PathParam("id") UUID id, @NotNull @Valid EnrolRequest request) {
        return courses.enrol(user, id, request);
    }

    @GET
    @Path("/courses/{id}/leaderboard")
    @Operation(summary = "Trainees ranked by mean Dice over the course's cases (the course's teacher)")
    public List<LeaderboardRow> leaderboard(@PathParam("id") UUID id) {
        return courses.leaderboard(user, id);
    }

    @POST
    @Path("/courses/{id}/cases/{caseId}/attempts")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Submit the trainee's contours of the case's targets: scored at once against the expert"
            + " (Dice, HD95, MSD per ROI); one attempt per case")
    @APIResponse(responseCode = "201", description = "scored", content = @Content(schema = @Schema(implementation = AttemptView.class)))
    @APIResponse(responseCode = "409", description = "already submitted")
    public Response submit(@PathParam("id") UUID id, @PathParam("caseId") UUID caseId,
                           @NotNull @Valid AttemptRequest request) {
        AttemptView a = attempts.submit(user, id, caseId, request);
        return Response.created(URI.create("/api/teaching/courses/" + id + "/cases/" + caseId + "/attempts/mine"))
                .entity(a).build();
    }

    @GET
    @Path("/courses/{id}/cases/{caseId}/attempts/mine")
    @Operation(summary = "The caller's attempt: scores, their contours and the expert's for the overlay (404 before submitting)")
    public AttemptView mine(@PathParam("id") UUID id, @PathParam("caseId") UUID caseId) {
        return attempts.mine(user, id, caseId);
    }
}
