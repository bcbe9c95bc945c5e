package dev.latchkey.account;

import dev.latchkey.caller.AuthenticatedCaller;
import dev.latchkey.caller.Caller;
import dev.latchkey.caller.NotWhileImpersonating;
import dev.latchkey.auth.password.JsonBodies;
import dev.latchkey.auth.session.ClientDevice;
import dev.latchkey.auth.session.SessionCookie;
import dev.latchkey.web.RequestPool;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.Suspended;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * Leaving: deleting the signed-in user's account.
 */
@ApplicationScoped
@Path("/auth/account")
@Produces(MediaType.APPLICATION_JSON)
public class AccountResource {

    static final String EXPECTED = "{\"password\": \"...\"}";

    @Inject
    AccountDeletion deletion;

    @Inject
    Caller caller;

    @Inject
    SessionCookie cookie;

    /** The optional body of {@code DELETE /auth/account}: a user with a password confirms with it. */
    public record Confirmation(String password) {

        // The generated toString would print the password into any log line that mentions the record.
        @Override
        public String toString() {
            return "Confirmation[<redacted>]";
        }
    }

    @DELETE
    @RolesAllowed("user")
    @NotWhileImpersonating
    @Operation(summary = "Delete the account: its user, sessions and sign-in methods; revokes the GitHub token")
    @RequestBody(required = false, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = Confirmation.class)))
    @APIResponse(responseCode = "200", description = "{\"ok\":true}, and the session cookie expired")
    @APIResponse(responseCode = "400", description = "A user with a password sent none")
    @APIResponse(responseCode = "403", description = "Invalid credentials, or (GitHub-only user) a session older "
            + "than 10 minutes: Please sign in again to confirm deleting your account")
    @APIResponse(responseCode = "413", description = "A body over 8 KiB")
    @APIResponse(responseCode = "429", description = "Too many wrong passwords on this account this minute")
    @APIResponse(responseCode = "503", description = "Too many sign-ins at once; or "
            + "attempts cannot be counted right now (RATE_LIMIT_STORE=database: the database did not "
            + "answer within 3 s; Retry-After: 10)")
    public void delete(InputStream body, @Context HttpHeaders headers, @Context HttpServletRequest request,
                       @Suspended AsyncResponse response) {
        Confirmation confirmation = JsonBodies.readOptional(headers.getMediaType(), body, Confirmation.class,
                EXPECTED);
        AuthenticatedCaller signedIn = caller.required();
        Response deleted = Response.ok(Map.of("ok", true)).header("Set-Cookie", cookie.expire()).build();
        deletion.delete(signedIn, confirmation == null ? null : confirmation.password(), ClientDevice.of(request))
                .whenComplete((done, failure) -> RequestPool.resume(response, deleted, failure));
    }
}
