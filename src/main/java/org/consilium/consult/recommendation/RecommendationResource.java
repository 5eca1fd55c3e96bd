package org.consilium.consult.recommendation;

import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.UUID;
import org.consilium.identity.CurrentUser;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/consults/{consultId}/recommendations")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Recommendations", description = "Structured evaluation, opinions, finalisation, signatures, amendments")
public class RecommendationResource {

    static final String CONTENT_EXAMPLE = """
            {"content": {
              "evaluation": {"ecog": 1,
                "organFunction": {"cardiac": "NORMAL", "pulmonary": "MILD", "hepatic": "NORMAL",
                                  "renal": "NORMAL"},
                "surgicalTolerance": "TOLERABLE",
                "tnm": {"site": "lung", "t": "cT2a", "n": "cN1", "m": "cM0", "stageGroup": "IIB"},
                "notes": "FEV1 1.9 L (72%), DLCO 68%"},
              "intent": "CURATIVE",
              "modalities": [
                {"modality": "SURGERY", "sequence": 1, "detail": "VATS right upper lobectomy, systematic nodal dissection"},
                {"modality": "CHEMOTHERAPY", "sequence": 2, "detail": "Adjuvant cisplatin + pemetrexed, 4 cycles"}],
              "rationale": "Peripheral T2a tumour with one hilar node; fit for lobectomy.",
              "followUps": [{"title": "Chest CT after 2 adjuvant cycles", "dueInDays": 42}]}}""";

    @Inject
    CurrentUser user;
    @Inject
    Recommendations recommendations;
    @Inject
    ConsultReports reports;

    @GET
    @Operation(summary = "Every version of the consult's recommendation, newest first")
    public List<RecommendationView> list(@PathParam("consultId") UUID consultId) {
        return recommendations.list(user, consultId);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One version with opinions and signatures")
    public RecommendationView get(@PathParam("consultId") UUID consultId, @PathParam("id") UUID id) {
        return recommendations.get(user, consultId, id);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Draft the recommendation (the chair, while the consult is IN_SESSION); TNM is checked"
            + " against AJCC 8th")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "lung IIB", value = CONTENT_EXAMPLE)))
    @APIResponse(responseCode = "201", description = "Drafted")
    @APIResponse(responseCode = "400", description = "Invalid content, e.g. a stage group that does not match TNM")
    public Response draft(@PathParam("consultId") UUID consultId, @NotNull @Valid RecommendationRequests.Draft draft,
                          @Context UriInfo uri) {
        RecommendationView v = recommendations.draft(user, consultId, draft.content());
        return Response.created(uri.getAbsolutePathBuilder().path(v.id().toString()).build()).entity(v).build();
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replace a draft's content (the chair); a final or signed version answers 409")
    @APIResponse(responseCode = "409", description = "The version is final or signed (immutable), or stale")
    public RecommendationView edit(@PathParam("consultId") UUID consultId, @PathParam("id") UUID id,
                                   @NotNull @Valid RecommendationRequests.Draft draft) {
        return recommendations.edit(user, consultId, id, draft.content(), draft.version());
    }

    @PUT
    @Path("/{id}/opinions/me")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Give or change your opinion (participants of the board) until the version is signed")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "dissent", value = """
            {"position": "DISSENT", "comment": "建议先行新辅助化疗 / I would give neoadjuvant chemotherapy first"}""")))
    public RecommendationView opine(@PathParam("consultId") UUID consultId, @PathParam("id") UUID id,
                                    @NotNull @Valid RecommendationRequests.OpinionInput opinion) {
        return recommendations.opine(user, consultId, id, opinion);
    }

    @POST
    @Path("/{id}/finalise")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Finalise (the chair): content fixed and hashed, signers are the chair and the attendees;"
            + " the consult becomes RECOMMENDED")
    public RecommendationView finalise(@PathParam("consultId") UUID consultId, @PathParam("id") UUID id,
                                       RecommendationRequests.Step step) {
        return recommendations.finalise(user, consultId, id, step == null ? null : step.version());
    }

    @POST
    @Path("/{id}/signatures")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Sign the final version; the last signature makes it SIGNED, creates the follow-up tasks"
            + " and sends the report back")
    public RecommendationView sign(@PathParam("consultId") UUID consultId, @PathParam("id") UUID id,
                                   RecommendationRequests.Step step) {
        RecommendationView v = recommendations.sign(user, consultId, id, step == null ? null : step.version());
        if (v.state() == Recommendation.State.SIGNED) {
            reports.deliver(user, consultId, v.id()); // after the signature committed: a failed store keeps it
        }
        return v;
    }

    @POST
    @Path("/{id}/amendments")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Amend the latest signed version (the chair): a new draft version linked to it")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "amend", value = """
            {"reason": "病理复核为腺癌 EGFR 19 外显子缺失 / pathology review: EGFR exon 19 deletion"}""")))
    @APIResponse(responseCode = "201", description = "The new draft version")
    public Response amend(@PathParam("consultId") UUID consultId, @PathParam("id") UUID id,
                          @NotNull @Valid RecommendationRequests.Amendment amendment, @Context UriInfo uri) {
        RecommendationView v = recommendations.amend(user, consultId, id, amendment.reason());
        return Response.created(uri.getBaseUriBuilder().path("api/consults/{c}/recommendations/{r}")
                .build(consultId, v.id())).entity(v).build();
    }
}
