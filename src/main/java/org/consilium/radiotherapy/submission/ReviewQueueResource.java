package org.consilium.radiotherapy.submission;

import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.consilium.identity.CurrentUser;
import org.consilium.platform.Page;
import org.consilium.platform.ProblemException;
import org.consilium.platform.ProblemType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/rt/review-queue")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "radiotherapy review queue", description = "Case-manager queue of plan reviews (放疗审核队列): priority, SLA")
public class ReviewQueueResource {

    @Inject
    CurrentUser user;
    @Inject
    ReviewQueue queue;

    @GET
    @Operation(summary = "Open plan submissions by priority (1 first, unset last), then due time, then oldest",
            description = "Provincial case managers and platform-admins (403 for others). state narrows it (e.g. "
                    + "AWAITING_REVIEW). Each row carries its review clock (sla). Audited.")
    public Page<SubmissionView> queue(@QueryParam("state") SubmissionState state,
                                      @QueryParam("offset") @DefaultValue("0") @Min(0) int offset,
                                      @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(200) int limit) {
        return queue.queue(user, state, offset, limit);
    }

    @PUT
    @Path("/{id}/priority")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Set a plan's review priority (1 first … 5) and SLA target in hours",
            description = "The due time is the time the current version entered the queue plus the target (the "
                    + "configured default, 72 h, when slaHours is absent). version is the submission's last read "
                    + "version (409 when stale); 409 for a returned or approved plan. Audited.")
    public SubmissionView priority(@PathParam("id") UUID id, @NotNull @Valid PriorityRequest r) {
        return queue.setPriority(user, id, r);
    }

    @GET
    @Path("/sla")
    @Operation(summary = "Review clock figures over plan versions that entered the queue in [from, to)",
            description = "Queued, decided, waiting and overdue counts; median, p90 and max seconds to decision. "
                    + "Default window the last 30 days.")
    @APIResponse(responseCode = "200", description = "Figures", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "November", value = """
                    {"from": "2026-11-01T00:00:00Z", "to": "2026-12-01T00:00:00Z", "queued": 42, "decided": 39,
                     "waiting": 3, "overdue": 4, "medianSeconds": 86400.0, "p90Seconds": 201600.0, "maxSeconds": 345600.0}""")))
    public ReviewQueue.SlaFigures sla(@Parameter(example = "2026-11-01T00:00:00Z") @QueryParam("from") Instant from,
                                      @Parameter(example = "2026-12-01T00:00:00Z") @QueryParam("to") Instant to) {
        Instant end = to != null ? to : Instant.now();
        Instant start = from != null ? from : end.minus(Duration.ofDays(30));
        if (!start.isBefore(end)) {
            throw new ProblemException(ProblemType.VALIDATION, "from must be before to");
        }
        return queue.figures(user, start, end);
    }
}
