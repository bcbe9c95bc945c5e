package dev.latchkey.admin;

import dev.latchkey.web.PageRequest;
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
 * Searching users, for admins.
 */
@ApplicationScoped
@Path("/admin/users")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("admin")
public class AdminUsersResource {

    @Inject
    AdminUsers users;

    @GET
    @Operation(summary = "Users whose GitHub login, name or email contains the query (case-insensitive), by id")
    @APIResponse(responseCode = "200", description = "{users:[{...as /auth/me without orgs, role, ban, membership: "
            + "{checked_at, verified_at, result, failure, orgs} of the last membership check, or null}], page, size, "
            + "total}")
    @APIResponse(responseCode = "401", description = "Not authenticated")
    @APIResponse(responseCode = "403", description = "Not an admin, or impersonating")
    public JsonObject search(@QueryParam("query") String query, @QueryParam("page") String page,
                             @QueryParam("size") String size) {
        return users.search(query, PageRequest.of(page, size));
    }
}
