package dev.latchkey.account;

import dev.latchkey.auth.Caller;
import dev.latchkey.auth.NotWhileImpersonating;
import dev.latchkey.auth.session.SessionCookie;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * Leaving: deleting the signed-in user's account.
 */
@Path("/auth/account")
@Produces(MediaType.APPLICATION_JSON)
public class AccountResource {

    @Inject
    AccountDeletion deletion;

    @Inject
    Caller caller;

    @Inject
    SessionCookie cookie;

    /** The optional body of {@code DELETE /auth/account}: a user with a password confirms with it. */
    public record Confirmation(String password) {
    }

    @DELETE
    @RolesAllowed("user")
    @NotWhileImpersonating
    @Operation(summary = "Delete the account: its user, sessions and sign-in methods; revokes the GitHub token")
    @APIResponse(responseCode = "200", description = "{\"ok\":true}, and the session cookie expired")
    @APIResponse(responseCode = "400", description = "A user with a password sent none")
    @APIResponse(responseCode = "403", description = "Invalid credentials, or (GitHub-only user) a session older "
            + "than 10 minutes: Please sign in again to confirm deleting your account")
    public Response delete(Confirmation confirmation) {
        deletion.delete(caller.required(), confirmation == null ? null : confirmation.password());
        return Response.ok(Map.of("ok", true)).header("Set-Cookie", cookie.expire()).build();
    }
}
