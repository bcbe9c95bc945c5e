package dev.latchkey.admin;

import dev.latchkey.caller.AuthenticatedCaller;
import dev.latchkey.caller.Caller;
import dev.latchkey.auth.github.GitHubLinks;
import dev.latchkey.auth.session.ClientDevice;
import dev.latchkey.user.User;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.time.Instant;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * One user, for admins: their details, role, bans, sessions, deletion and impersonation. Every route answers 401
 * without a session, 403 to a non-admin, 400 for a malformed id and 404 for an unknown one.
 */
@Path("/admin/users/{id}")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("admin")
public class AdminUserResource {

    static final String ROLE_BODY = "{\"role\": \"user\" or \"admin\"}";
    static final String BAN_BODY =
            "{\"reason\": \"...\" (optional), \"expires_at\": \"2030-01-31T00:00:00Z\" (optional)}";

    @Inject
    AdminUsers users;

    @Inject
    Moderation moderation;

    @Inject
    Impersonations impersonations;

    @Inject
    GitHubLinks github;

    @Inject
    Caller caller;

    @PathParam("id")
    String id;

    @GET
    @Operation(summary = "The user (as /auth/me, with role, ban and last membership check), their sign-in methods "
            + "and live sessions")
    @APIResponse(responseCode = "200", description = "{..., role, ban, membership: {checked_at, verified_at, result, "
            + "failure, orgs} or null, accounts:[...], sessions:[...]}")
    public JsonObject detail() {
        return users.detail(id);
    }

    @POST
    @Path("role")
    @Operation(summary = "Set the role, {\"role\":\"user\"|\"admin\"}; applies to the user's live sessions at once")
    @APIResponse(responseCode = "409", description = "The last admin cannot be demoted")
    public JsonObject role(InputStream body, @Context HttpHeaders headers) {
        String role = AdminBodies.text(AdminBodies.read(headers.getMediaType(), body, ROLE_BODY), "role", ROLE_BODY)
                .orElse("");
        return view(moderation.changeRole(admin().userId(), users.find(id).id(), role));
    }

    @POST
    @Path("ban")
    @Operation(summary = "Ban, {\"reason\"?, \"expires_at\"?}: ends every session; sign-ins and requests get 403")
    @APIResponse(responseCode = "400", description = "Self-ban, a reason over 500 characters, a past expires_at")
    @APIResponse(responseCode = "409", description = "The last admin cannot be banned")
    public JsonObject ban(InputStream body, @Context HttpHeaders headers) {
        JsonObject ban = AdminBodies.read(headers.getMediaType(), body, BAN_BODY);
        String reason = AdminBodies.text(ban, "reason", BAN_BODY).orElse(null);
        Instant expiresAt = AdminBodies.instant(ban, "expires_at", BAN_BODY).orElse(null);
        return view(moderation.ban(admin().userId(), users.find(id).id(), reason, expiresAt));
    }

    @POST
    @Path("unban")
    @Operation(summary = "Lift the user's ban")
    public JsonObject unban() {
        return view(moderation.unban(admin().userId(), users.find(id).id()));
    }

    @DELETE
    @Path("sessions")
    @Operation(summary = "End every session of the user: {\"ok\":true,\"revoked\":N}")
    public Map<String, Object> endSessions() {
        return Map.of("ok", true, "revoked", moderation.endSessions(admin().userId(), users.find(id).id()));
    }

    @DELETE
    @Operation(summary = "Delete the user with their sessions and tokens, revoking the GitHub token at GitHub")
    @APIResponse(responseCode = "400", description = "Your own account (use DELETE /auth/account)")
    public Map<String, Object> delete() {
        long userId = users.find(id).id();
        moderation.requireDeletable(admin().userId(), userId);
        github.revokeStoredToken(userId);
        moderation.delete(admin().userId(), userId);
        return Map.of("ok", true);
    }

    @POST
    @Path("impersonate")
    @Operation(summary = "Act as the user for at most an hour: a new session of theirs naming you (act claim)")
    @APIResponse(responseCode = "200", description = "{ok, access_token, token_type, expires_in, user} with the "
            + "user's session cookie; a browser's own session waits in the latchkey_admin_session cookie")
    @APIResponse(responseCode = "403", description = "Admins cannot be impersonated / Banned users cannot be "
            + "impersonated")
    public Response impersonate(@Context HttpServletRequest request) {
        String authorization = request.getHeader("Authorization");
        boolean bearer = authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7);
        return impersonations.start(admin(), users.find(id), ClientDevice.of(request), !bearer);
    }

    private AuthenticatedCaller admin() {
        return caller.required();
    }

    private JsonObject view(User user) {
        return users.view(user, Instant.now()).build();
    }
}
