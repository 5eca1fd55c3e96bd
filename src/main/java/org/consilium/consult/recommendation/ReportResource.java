package org.consilium.consult.recommendation;

import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import org.consilium.platform.document.DocumentLanguage;
import org.consilium.identity.CurrentUser;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/consults/{consultId}/report")
@Authenticated
@Tag(name = "Recommendations")
public class ReportResource {

    @Inject
    CurrentUser user;
    @Inject
    ConsultReports reports;

    @GET
    @Produces("application/pdf")
    @Operation(summary = "The consult opinion document (会诊意见书) of the latest signed version, as PDF")
    @APIResponse(responseCode = "200", description = "The PDF", content = @Content(mediaType = "application/pdf"))
    @APIResponse(responseCode = "404", description = "No signed recommendation yet, or a consult you may not see")
    public Response pdf(@PathParam("consultId") UUID consultId,
                        @Parameter(description = "zh-CN (default) or en", example = "en")
                        @QueryParam("lang") @DefaultValue("zh-CN") String lang) {
        DocumentLanguage language = DocumentLanguage.of(lang);
        byte[] pdf = reports.pdf(user, consultId, language);
        return Response.ok(pdf, "application/pdf")
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"consult-" + consultId + "-"
                        + language.tag + ".pdf\"")
                .build();
    }

    @GET
    @Path("/deliveries")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Where each signed version's report went: the study and instance it was stored as, and"
            + " the AE it was forwarded to")
    @APIResponse(responseCode = "200", content = @Content(examples = @ExampleObject(name = "stored", value = """
            [{"recommendationId": "019a8c31-0000-7000-8000-0000000000a1",
              "consultId": "019a8c2d-0000-7000-8000-00000000c001",
              "studyUid": "1.2.826.0.1.3680043.10.1234.1.1", "sopInstanceUid": "1.2.826.0.1.3680043.10.1234.3.1",
              "forwardedTo": "CHANGXING_PACS", "note": "stored and queued", "createdAt": "2026-11-25T08:05:00Z"}]""")))
    public List<ConsultReports.Delivery> deliveries(@PathParam("consultId") UUID consultId) {
        return reports.deliveries(user, consultId);
    }
}
