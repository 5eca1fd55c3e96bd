package org.consilium.registry.timeline;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.consilium.identity.CurrentUser;
import org.consilium.identity.Role;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/registry/patients/{patientId}/timeline")
@RolesAllowed({Role.CLINICIAN, Role.CASE_MANAGER, Role.SPECIALIST, Role.RT_STAFF, Role.PLATFORM_ADMIN})
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "registry")
public class TimelineResource {

    @Inject
    CurrentUser user;
    @Inject
    PatientTimeline timeline;

    @GET
    @Operation(summary = "The patient's timeline across the alliance, as far as the caller may see (audited)",
            description = "New-tumor reports, referrals, consults, recommendations, RT reviews and follow-up, newest "
                    + "first; each entry's kind and subjectId name the page it links to. 404 when the caller may see "
                    + "nothing of the patient.")
    public TimelineView get(@PathParam("patientId") UUID patientId,
                            @QueryParam("offset") @DefaultValue("0") @Min(0) int offset,
                            @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(200) int limit) {
        return timeline.of(user, patientId, offset, limit);
    }
}
