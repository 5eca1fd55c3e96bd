package org.consilium.consult;

import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import java.util.UUID;
import org.consilium.identity.CurrentUser;
import org.consilium.platform.Page;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/notifications")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "notifications", description = "The caller's own notification feed (消息通知)")
public class NotificationResource {

    @Inject
    CurrentUser user;
    @Inject
    Notifications notifications;

    @GET
    @Operation(summary = "The caller's notifications, newest first")
    public Page<NotificationView> feed(@QueryParam("unread") @DefaultValue("false") boolean unread,
                                       @QueryParam("offset") @DefaultValue("0") @Min(0) int offset,
                                       @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(200) int limit) {
        return notifications.feed(user, unread, offset, limit);
    }

    @POST
    @Path("/{id}/read")
    @Operation(summary = "Mark one notification read")
    public NotificationView read(@PathParam("id") UUID id) {
        return notifications.markRead(user, id);
    }

    @POST
    @Path("/read-all")
    @Operation(summary = "Mark every notification of the caller read")
    public Map<String, Long> readAll() {
        return Map.of("marked", notifications.markAllRead(user));
    }
}
