package org.consilium.radiotherapy.review;

import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import org.consilium.dicom.rt.ContourMetrics;
import org.consilium.identity.CurrentUser;
import org.consilium.platform.ProblemException;
import org.consilium.platform.ProblemType;
import org.consilium.radiotherapy.dose.DoseImpact;
import org.consilium.radiotherapy.dose.DoseReview;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/rt/submissions/{id}")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "radiotherapy")
public class ReviewResource {

    @Inject
    CurrentUser user;
    @Inject
    Revisions revisions;
    @Inject
    RevisionJson contours;
    @Inject
    ReviewNumbers numbers;
    @Inject
    ReviewRoom room;
    @Inject
    StructureSetExport export;
    @Inject
    Decisions decisions;

    @GET
    @Path("/revisions")
    @Operation(summary = "The lineage of the structure set: submitted first, each revision with its parent",
            description = "Author, time, reason and the ROIs each revision changed; contours are not included.")
    @APIResponse(responseCode = "200", description = "Lineage", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "two revisions", value = """
                    [{"number": 1, "parentNumber": null, "kind": "SUBMITTED", "author": "冯涛", "reason": "submitted for review",
                      "changedRois": [{"number": 8, "name": "PTV"}]},
                     {"number": 2, "parentNumber": 1, "kind": "EXPERT", "author": "李明", "reason": "PTV 外扩 3 mm",
                      "changedRois": [{"number": 8, "name": "PTV"}]}]""")))
    public List<RevisionView> lineage(@PathParam("id") UUID id) {
        return revisions.lineage(user, id);
    }

    @GET
    @Path("/revisions/{number}")
    @Operation(summary = "One revision's contours for a viewer (strong ETag, gzip)",
            description = "Per ROI: number, name, colour, interpreted type and, per plane, its polygons in patient "
                    + "coordinates (x, y, z, … in mm) with their referenced SOP Instance UIDs. A revision never changes: "
                    + "If-None-Match with its ETag answers 304. Audited.")
    public Response revision(@PathParam("id") UUID id, @PathParam("number") int number,
                             @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch,
                             @HeaderParam(HttpHeaders.ACCEPT_ENCODING) String acceptEncoding) {
        UUID revision = contours.require(user, id, number);
        EntityTag tag = new EntityTag(revision.toString());
        if (ifNoneMatch != null && (ifNoneMatch.contains("\"" + revision + "\"") || ifNoneMatch.trim().equals("*"))) {
            return Response.notModified(tag).build();
        }
        Response.ResponseBuilder b = Response.ok().tag(tag).header(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING)
                .header(HttpHeaders.CACHE_CONTROL, "private, max-age=31536000, immutable");
        if (acceptEncoding != null && acceptEncoding.contains("gzip")) {
            return b.entity(contours.gzipped(revision)).header("Content-Encoding", "gzip").build();
        }
        return b.entity(contours.plain(revision)).build();
    }

    @GET
    @Path("/metrics")
    @Operation(summary = "Review metrics per ROI between two revisions",
            description = "Volumes and their difference, Dice, Jaccard, Hausdorff, HD95, mean surface distance, surface "
                    + "Dice and centroid shift, as defined in docs/review-metrics.md. Audited.")
    public List<ContourMetrics> metrics(@PathParam("id") UUID id,
                                        @Parameter(example = "1") @QueryParam("from") @DefaultValue("1") int from,
                                        @Parameter(example = "2") @QueryParam("to") int to,
                                        @Parameter(description = "in-plane voxel size, mm") @QueryParam("spacing") @DefaultValue("1") double spacing,
                                        @Parameter(description = "surface Dice tolerance, mm") @QueryParam("tolerance") @DefaultValue("2") double tolerance) {
        return numbers.metrics(user, id, from, to, spacing, tolerance);
    }

    @GET
    @Path("/revisions/{number}/dose")
    @Operation(summary = "DVH per ROI of a revision on the submitted RTDOSE, and the site's constraint template",
            description = "Dmean, Dmin, Dmax, D2%, D50%, D95%, D98%, D0.03cc, V5Gy and V20Gy per ROI with the cumulative "
                    + "DVH; each constraint PASS, FAIL or NOT_EVALUABLE with its margin. Audited.")
    public DoseReview dose(@PathParam("id") UUID id, @PathParam("number") int number) {
        return numbers.dose(user, id, number);
    }

    @GET
    @Path("/dose-impact")
    @Operation(summary = "Dose impact of a revision: the constraint template on one revision's ROIs beside another's",
            description = "Both revisions evaluated on the submitted RTDOSE with the disease site's template: per constraint "
                    + "the result on each, how it moved (NOW_PASSES, NOW_FAILS, BETTER, WORSE, UNCHANGED, NOT_EVALUABLE) "
                    + "and the change of its margin; per ROI its volume, Dmean, Dmax, D95% and V20Gy on each. Audited.")
    @APIResponse(responseCode = "200", description = "The dose impact", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = DoseImpact.class), examples = @ExampleObject(name = "cord re-delineated", value = """
                    {"from": 1, "to": 2, "template": "lung v1",
                     "constraints": [{"constraint": "SPINALCORD Dmax < 45 Gy",
                       "before": {"constraint": "SPINALCORD Dmax < 45 Gy", "roi": "SPINALCORD", "value": 38.2, "limit": 45,
                                  "unit": "Gy", "outcome": "PASS", "margin": 6.8, "note": null},
                       "after": {"constraint": "SPINALCORD Dmax < 45 Gy", "roi": "SPINALCORD", "value": 41.0, "limit": 45,
                                 "unit": "Gy", "outcome": "PASS", "margin": 4.0, "note": null},
                       "change": "WORSE", "marginChange": -2.8}],
                     "rois": [{"roiNumber": 4, "roiName": "SPINALCORD",
                       "before": {"volume": 21.4, "dmean": 12.1, "dmax": 38.2, "d95": 1.2, "v20GyPercent": 22.5},
                       "after": {"volume": 23.0, "dmean": 12.9, "dmax": 41.0, "d95": 1.3, "v20GyPercent": 24.1}}]}""")))
    public DoseImpact doseImpact(@PathParam("id") UUID id,
                                 @Parameter(description = "the revision compared against (the county's)", example = "1")
                                 @QueryParam("from") @DefaultValue("1") int from,
                                 @Parameter(description = "the revision whose impact is shown (the expert's)", example = "2",
                                         required = true) @QueryParam("to") Integer to) {
        if (to == null) {
            throw new ProblemException(ProblemType.BAD_REQUEST, "query parameter 'to' (a revision number) is required");
        }
        return numbers.doseImpact(user, id, from, to);
    }

    @POST
    @Path("/reviewers")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Assign a provincial reviewer (case managers and platform-admins)",
            description = "The reviewer may then see the submission and is admitted to its review room. Idempotent.")
    public Response assign(@PathParam("id") UUID id, @NotNull @Valid ReviewRequests.Reviewer reviewer) {
        room.assign(user, id, reviewer.userId(), reviewer.displayName());
        return Response.noContent().build();
    }

    @POST
    @Path("/room")
    @Operation(summary = "Open the live review room (kind RT_REVIEW) of a plan awaiting review",
            description = "Reviewers edit contours there with contour.edit under per-ROI leases (docs/live-protocol.md). "
                    + "Admits the submitter, the assigned reviewers and the caller; idempotent.")
    @APIResponse(responseCode = "200", description = "The room", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "room", value = "{\"roomId\": \"0193a5b2-7c1e-7d3a-9f00-1b2c3d4e5f61\", \"baseRevision\": 1}")))
    public ReviewRoom.RoomView openRoom(@PathParam("id") UUID id) {
        return room.open(user, id);
    }

    @POST
    @Path("/revisions")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Commit the review room's contours as a new revision",
            description = "Every plane an edit touched is taken whole from the room; other planes keep the base revision. "
                    + "One transaction; 409 when nothing differs from the latest revision; 400 naming ROI and plane when an "
                    + "edited contour is malformed (nothing is stored).")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "commit", value = "{\"reason\": \"PTV 外扩 3 mm\"}")))
    public Response commit(@PathParam("id") UUID id, @NotNull @Valid ReviewRequests.Commit commit) {
        return Response.status(Response.Status.CREATED).entity(room.commit(user, id, commit.reason())).build();
    }

    @GET
    @Path("/revisions/{number}/rtstruct")
    @Produces("application/dicom")
    @Operation(summary = "Download a revision as a new RTSTRUCT (Part 10)",
            description = "New SOP Instance UID (the same for every download of a revision), the submitted plan's Frame of "
                    + "Reference and CT, Structure Set Label REVIEW R<n>, the submitted structure set as predecessor. Audited.")
    public Response rtstruct(@PathParam("id") UUID id, @PathParam("number") int number) {
        return Response.ok(export.download(user, id, number), "application/dicom")
                .header("Content-Disposition", "attachment; filename=\"RTSTRUCT_R" + number + ".dcm\"").build();
    }

    @POST
    @Path("/revisions/{number}/export")
    @Operation(summary = "Store a revision's RTSTRUCT with the study and send it to the county (reviewers, case managers)",
            description = "The same revision is always the same instance. It is queued for C-STORE through the forwarding "
                    + "queue to targetAe, or else to the submitting hospital's one AE that may receive (not sent when it "
                    + "has none; 409 when it has several). Audited.")
    public StructureSetExport.Exported store(@PathParam("id") UUID id, @PathParam("number") int number,
                                             @Parameter(example = "CHANGXING_TPS") @QueryParam("targetAe") String targetAe) {
        room.requireReviewerSide(user, id);
        return export.store(user, id, number, targetAe);
    }

    @POST
    @Path("/decision")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Approve (sign off) or return a plan awaiting review",
            description = "RETURN needs requiredChanges (category TARGET_COVERAGE, OAR_DELINEATION, PRESCRIPTION, "
                    + "DOSE_CONSTRAINTS or OTHER, the ROI where it applies, text) and moves the plan to RETURNED. APPROVE "
                    + "is the caller's sign-off on a revision: the reviewing radiation oncologist (PHYSICIAN) and the "
                    + "medical physicist (PHYSICIST) of the provincial hospital; with both on the same revision the plan is "
                    + "APPROVED. 403 for anyone else (a county hospital cannot approve its own plan). Audited.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = {
            @ExampleObject(name = "return", value = """
                    {"action": "RETURN", "revision": 2, "note": "请按修改后的轮廓重新优化",
                     "requiredChanges": [{"category": "OAR_DELINEATION", "roi": "SPINALCORD", "text": "脊髓按椎管内缘勾画"},
                                         {"category": "DOSE_CONSTRAINTS", "text": "重新评估脊髓 Dmax"}]}"""),
            @ExampleObject(name = "approve", value = "{\"action\": \"APPROVE\", \"revision\": 2}")}))
    public Decisions.DecisionView decide(@PathParam("id") UUID id, @NotNull @Valid DecisionRequest request) {
        return decisions.decide(user, id, request);
    }

    @GET
    @Path("/decision")
    @Operation(summary = "The plan's decision state: state, accepted revision and sign-offs (audited)")
    public Decisions.DecisionView decision(@PathParam("id") UUID id) {
        return decisions.get(user, id);
    }
}
