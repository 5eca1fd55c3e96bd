package org.consilium.registry;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.consilium.identity.CurrentUser;
import org.consilium.identity.Role;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/registry/statistics")
@RolesAllowed({Role.CASE_MANAGER, Role.CLINICIAN, Role.SPECIALIST, Role.HOSPITAL_ADMIN, Role.PLATFORM_ADMIN})
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "registry")
public class StatisticsResource {

    @Inject
    CurrentUser user;
    @Inject
    RegistryStatistics statistics;

    @GET
    @Operation(summary = "Case-management figures: record clock kept, referrals by state, mutual-recognition rate",
            description = "Over the hospitals the caller may see (the alliance for provincial case managers); "
                    + "counts only, no patient data.")
    public RegistryFigures figures() {
        return statistics.figures(user);
    }
}
