package org.consilium.audit;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.UUID;
import org.consilium.platform.Page;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The audit trail, for platform admins. Reading it is itself audited. */
@Path("/api/audit")
@RolesAllowed("platform-admin") // identity.Role.PLATFORM_ADMIN; audit sits below identity
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    @Inject
    JsonWebToken caller;
    @Inject
    AuditSearch search;
    @Inject
    AuditVerifier verifier;
    @Inject
    AuditLog audit;

    @GET
    @Operation(summary = "Audit rows, newest first, filtered by actor, hospital, action, outcome, target and time")
    public Page<AuditEntry> find(@QueryParam("actor") String actorId,
                                 @QueryParam("hospital") UUID hospitalId,
                                 @QueryParam("action") String action,
                                 @QueryParam("outcome") Outcome outcome,
                                 @QueryParam("target") String target,
                                 @QueryParam("from") Instant from,
                                 @QueryParam("to") Instant to,
                                 @QueryParam("offset") @DefaultValue("0") @Min(0) int offset,
                                 @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(500) int limit) {
        Page<AuditEntry> page = search.find(new AuditQuery(actorId, hospitalId, action, outcome, target, from, to),
                offset, limit);
        audit.record(AuditActor.of(caller), null, "audit.read", "audit", Outcome.SUCCESS,
                "filters actor=%s hospital=%s action=%s outcome=%s target=%s from=%s to=%s"
                        .formatted(actorId, hospitalId, action, outcome, target, from, to));
        return page;
    }

    @GET
    @Path("/verify")
    @Operation(summary = "Walk the hash chain and report the first broken link")
    public ChainReport verify() {
        ChainReport report = verifier.verify();
        audit.record(AuditActor.of(caller), null, "audit.verify", "audit", Outcome.SUCCESS,
                report.intact() ? "intact, " + report.rowsChecked() + " rows" : "broken at " + report.firstBrokenSeq());
        return report;
    }
}
