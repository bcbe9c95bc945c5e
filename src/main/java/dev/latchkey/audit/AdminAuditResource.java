package dev.latchkey.audit;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * The whole audit trail, for admins.
 */
@ApplicationScoped
@Path("/admin/audit")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("admin")
public class AdminAuditResource {

    @Inject
    AuditEvents events;

    @GET
    @Operation(summary = "Security events newest first: about a user (actor or target), of a type, since a time")
    @APIResponse(responseCode = "200", description = "{events:[{id, occurred_at, type, actor_user_id, "
            + "target_user_id, ip_address, user_agent, detail}], page, size, total}")
    @APIResponse(responseCode = "400", description = "A malformed user, type, since, page or size")
    @APIResponse(responseCode = "403", description = "Not an admin")
    public JsonObject list(@QueryParam("user") String user, @QueryParam("type") String type,
                           @QueryParam("since") String since, @QueryParam("page") String page,
                           @QueryParam("size") String size) {
        return events.page(AuditQuery.of(user, type, since, page, size), false);
    }
}
