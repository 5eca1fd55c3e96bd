package org.consilium.radiotherapy.report;

import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.consilium.identity.CurrentUser;
import org.consilium.platform.document.DocumentLanguage;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/rt/submissions/{id}/report")
@Authenticated
@Tag(name = "radiotherapy")
public class ReviewReportResource {

    @Inject
    CurrentUser user;
    @Inject
    ReviewReports reports;

    @GET
    @Produces("application/pdf")
    @Operation(summary = "The review summary (放疗计划审核报告) as PDF, in Chinese or English",
            description = "The plan; the metrics between the county's structure set of the current version and the "
                    + "accepted (else latest) revision; a cumulative DVH plot per ROI a constraint was evaluated on and "
                    + "the constraint results; the decision with its required changes; the sign-offs. Whoever may see "
                    + "the plan (404 for others); 409 before the plan has a structure set. Audited.")
    @APIResponse(responseCode = "200", description = "The PDF", content = @Content(mediaType = "application/pdf"))
    public Response pdf(@PathParam("id") UUID id,
                        @Parameter(description = "zh-CN (default) or en", example = "en")
                        @QueryParam("lang") @DefaultValue("zh-CN") String lang) {
        DocumentLanguage language = DocumentLanguage.of(lang);
        return Response.ok(reports.pdf(user, id, language), "application/pdf")
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"rt-review-" + id + "-" + language.tag
                        + ".pdf\"").build();
    }

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Store the Chinese review summary as DICOM Encapsulated PDF in the plan's study",
            description = "Assigned reviewers and case managers, once the plan is RETURNED or APPROVED (409 before). "
                    + "Series Number 950 + the submission version. Audited.")
    @APIResponse(responseCode = "200", description = "Stored", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "stored", value = """
                    {"studyInstanceUid": "1.2.826.0.1.3680043.10.1453.99.1",
                     "sopInstanceUid": "1.2.826.0.1.3680043.10.1453.3.1733472000000.42", "submissionVersion": 2,
                     "language": "zh-CN"}""")))
    public ReviewReports.Stored store(@PathParam("id") UUID id) {
        return reports.store(user, id);
    }
}
