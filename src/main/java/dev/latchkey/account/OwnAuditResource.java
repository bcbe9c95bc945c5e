package dev.latchkey.account;

import dev.latchkey.audit.AuditEvents;
import dev.latchkey.audit.AuditQuery;
import dev.latchkey.caller.Caller;
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
 * The signed-in user's own security events: what they did and what was done to their account.
 */
@ApplicationScoped
@Path("/auth/audit")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("user")
public class OwnAuditResource {

    @Inject
    AuditEvents events;

    @Inject
    Caller caller;

    @GET
    @Operation(summary = "The caller's security events newest first (as actor or target), optionally of a type, since")
    @APIResponse(responseCode = "200", description = "{events:[...], page, size, total}; the address and user agent "
            + "of events someone else did are null")
    @APIResponse(responseCode = "401", description = "Not authenticated")
    public JsonObject list(@QueryParam("type") String type, @QueryParam("since") String since,
                           @QueryParam("page") String page, @QueryParam("size") String size) {
        AuditQuery query = AuditQuery.of(null, type, since, page, size).about(caller.required().userId());
        return events.page(query, true);
    }
}
