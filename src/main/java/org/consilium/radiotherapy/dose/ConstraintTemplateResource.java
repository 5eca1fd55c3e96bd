package org.consilium.radiotherapy.dose;

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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.consilium.identity.CurrentUser;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/rt/constraint-templates")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "radiotherapy constraint templates", description = "Dose constraint templates per disease site (剂量限制模板)")
public class ConstraintTemplateResource {

    static final String EXAMPLE_UPDATE = """
            {"name": "肺癌 常规分割 / Lung, conventional fractionation", "basedOnVersion": 1,
             "note": "心脏平均剂量按科室共识收紧至 20 Gy",
             "constraints": [
               {"roi": ["SPINALCORD", "SPINAL_CORD", "CORD"], "statistic": "Dmax", "comparator": "<", "limit": 45,
                "unit": "Gy", "source": "QUANTEC"},
               {"roi": ["LUNGS", "LUNG_TOTAL"], "statistic": "V20Gy", "comparator": "<", "limit": 30, "unit": "%",
                "source": "QUANTEC, Marks 2010"},
               {"roi": ["HEART"], "statistic": "Dmean", "comparator": "<", "limit": 20, "unit": "Gy",
                "source": "department consensus 2026"}]}""";
    static final String EXAMPLE_CREATE = """
            {"site": "prostate", "name": "前列腺癌 / Prostate",
             "constraints": [
               {"roi": ["RECTUM"], "statistic": "V70Gy", "comparator": "<", "limit": 20, "unit": "%", "source": "QUANTEC"},
               {"roi": ["PTV"], "statistic": "D95%", "comparator": ">=", "limit": 95, "unit": "%Rx", "source": "ICRU 83"}]}""";
    static final String EXAMPLE_VERSION = """
            {"template": {"site": "lung", "name": "肺癌 常规分割 / Lung, conventional fractionation", "version": 2,
              "constraints": [{"roi": ["HEART"], "statistic": "Dmean", "comparator": "<", "limit": 20, "unit": "Gy",
                               "source": "department consensus 2026"}]},
             "author": "陈静", "createdAt": "2026-12-06T08:00:00Z", "note": "心脏平均剂量按科室共识收紧至 20 Gy"}""";

    @Inject
    CurrentUser user;
    @Inject
    ConstraintTemplates templates;

    @GET
    @Operation(summary = "The latest version of every disease site's template",
            description = "Built-in sites (lung, lung-sbrt, head-neck, nasopharynx, cervix, breast, rectum, oesophagus) "
                    + "start at version 1 with author null.")
    public List<TemplateVersion> list() {
        return templates.latest();
    }

    @GET
    @Path("/{site}")
    @Operation(summary = "The latest version of a site's template")
    @APIResponse(responseCode = "200", description = "The template", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "lung v2", value = EXAMPLE_VERSION)))
    public TemplateVersion get(@PathParam("site") String site) {
        return templates.get(site);
    }

    @GET
    @Path("/{site}/versions")
    @Operation(summary = "Every version of a site's template, first to latest")
    public List<TemplateVersion> versions(@PathParam("site") String site) {
        return templates.versions(site);
    }

    @GET
    @Path("/{site}/versions/{version}")
    @Operation(summary = "One version of a site's template (a dose review names the version it used)")
    public TemplateVersion version(@PathParam("site") String site, @PathParam("version") int version) {
        return templates.version(site, version);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create the template of a new disease site (version 1)",
            description = "Platform-admins and the provincial hospital's admins, medical physicists and radiation "
                    + "oncologists (403 for others). 409 when the site has a template. Each constraint: roi (names, first "
                    + "preferred), statistic (Dmean, Dmin, Dmax, Dx%, Dxcc, VxGy), comparator (<, <=, >, >=), limit, unit "
                    + "(Gy or %Rx for doses, % or cc for volumes), source; 400 naming the first invalid one. Audited.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "prostate", value = EXAMPLE_CREATE)))
    @APIResponse(responseCode = "201", description = "Created", content = @Content(mediaType = MediaType.APPLICATION_JSON))
    public Response create(@NotNull @Valid TemplateRequest request) {
        return Response.status(Response.Status.CREATED).entity(templates.create(user, request)).build();
    }

    @PUT
    @Path("/{site}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Save the next version of a site's template",
            description = "basedOnVersion is the version the editor started from: 409 when another version was saved "
                    + "since. Earlier versions stay readable. Same editors and checks as creation. Audited.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "lung v2", value = EXAMPLE_UPDATE)))
    @APIResponse(responseCode = "200", description = "The new version", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "lung v2", value = EXAMPLE_VERSION)))
    public TemplateVersion update(@PathParam("site") String site, @NotNull @Valid TemplateRequest request) {
        return templates.update(user, site, request);
    }
}
