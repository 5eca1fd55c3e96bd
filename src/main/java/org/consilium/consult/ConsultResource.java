package org.consilium.consult;

import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.consilium.identity.CurrentUser;
import org.consilium.platform.Page;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/consults")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "consults", description = "MDT consult requests (会诊申请)")
public class ConsultResource {

    @Inject
    CurrentUser user;
    @Inject
    Consults consults;
    @Inject
    ConsultRequests requests;
    @Inject
    ConsultAttachments attachments;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Raise a consult request for a patient (clinicians and case managers)",
            description = "The requesting hospital is the patient's. Studies named in studyUids attach now and are "
                    + "granted to the provincial hospital; later studies with the patient's local ID or one of the "
                    + "accessionNumbers attach themselves. Case managers are notified.")
    public Response create(@NotNull @Valid ConsultRequest request, @Context UriInfo uri) {
        ConsultView c = requests.create(user, request);
        return Response.created(uri.getAbsolutePathBuilder().path(c.id().toString()).build()).entity(c).build();
    }

    @GET
    @Operation(summary = "The consults the caller may see, newest first",
            description = "County staff: their hospital's requests; provincial specialists: consults they are "
                    + "assigned to; case managers and platform-admins: all.")
    public Page<ConsultSummary> list(@QueryParam("state") ConsultState state, @QueryParam("patient") UUID patient,
                                     @QueryParam("offset") @DefaultValue("0") @Min(0) int offset,
                                     @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(200) int limit) {
        return requests.list(user, state, patient, offset, limit);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One consult, with its patient, studies, attachments, assignments and SLA clocks",
            description = "Visible to its requesting (county) hospital, the requester, assigned people, provincial "
                    + "case managers and platform-admins; anyone else gets 404. Audited as a PHI read.")
    public ConsultView get(@PathParam("id") UUID id) {
        return consults.require(user, id);
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Edit a REQUESTED or RETURNED request (e.g. add what a return asked for)",
            description = "version is the consult version last read; 409 conflict when stale. Studies are only added.")
    public ConsultView update(@PathParam("id") UUID id,
                              @Parameter(required = true, example = "2") @QueryParam("version") @NotNull Long version,
                              @NotNull @Valid ConsultRequest request) {
        return requests.update(user, id, version, request);
    }

    @POST
    @Path("/{id}/transitions")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Move a consult through its state machine (accept, return, decline, resubmit, …)",
            description = "409 illegal-transition when the state does not allow the action; 409 conflict when "
                    + "version is stale; 403 when the caller's role may not take the action.")
    public ConsultView transition(@PathParam("id") UUID id, @NotNull @Valid TransitionRequest request) {
        return consults.transition(user, id, request.action(), request.version(), request.note());
    }

    @POST
    @Path("/{id}/attachments")
    @Consumes({"application/pdf", "image/png", "image/jpeg", MediaType.APPLICATION_OCTET_STREAM})
    @Operation(summary = "Attach a pathology report, lab sheet or image (PDF, PNG, JPEG; the body is the file)",
            description = "The type is read from the file's magic bytes; 415 when it is not PDF/PNG/JPEG or "
                    + "disagrees with Content-Type; 413 above consilium.consult.max-attachment (20 MB).")
    public Response attach(@PathParam("id") UUID id,
                           @Parameter(example = "PATHOLOGY") @QueryParam("kind") @DefaultValue("OTHER") String kind,
                           @Parameter(example = "病理报告.pdf") @QueryParam("filename") String filename,
                           @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, InputStream body,
                           @Context UriInfo uri) {
        AttachmentView a = attachments.add(user, id, kind, filename, contentType, body);
        return Response.created(uri.getAbsolutePathBuilder().path(a.id().toString()).build()).entity(a).build();
    }

    @GET
    @Path("/{id}/attachments/{attachmentId}")
    @Produces({"application/pdf", "image/png", "image/jpeg", MediaType.APPLICATION_JSON})
    @Operation(summary = "Download an attachment (audited)")
    public Response download(@PathParam("id") UUID id, @PathParam("attachmentId") UUID attachmentId) {
        ConsultAttachments.Download d = attachments.open(user, id, attachmentId);
        String name = URLEncoder.encode(d.attachment().filename(), StandardCharsets.UTF_8).replace("+", "%20");
        return Response.ok(d.content(), d.attachment().mediaType())
                .header("Content-Disposition", "attachment; filename*=UTF-8''" + name)
                .header(HttpHeaders.CONTENT_LENGTH, d.attachment().size()).build();
    }
}
