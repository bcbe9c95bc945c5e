package dev.latchkey.auth.password;

import dev.latchkey.caller.AuthenticatedCaller;
import dev.latchkey.caller.Caller;
import dev.latchkey.caller.NotWhileImpersonating;
import dev.latchkey.auth.session.ClientDevice;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.Suspended;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.io.InputStream;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * Changing the signed-in user's password.
 */
@ApplicationScoped
@Path("/auth/password")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class PasswordResource {

    static final String EXPECTED = "{\"current_password\": \"...\", \"new_password\": \"...\"}";

    @Inject
    PasswordChanges changes;

    @Inject
    Caller caller;

    @Inject
    HashingPool pool;

    /** The body of {@code POST /auth/password}; public because JSON-B builds it by reflection. */
    public record PasswordChange(String currentPassword, String newPassword) {

        // The generated toString would print the password into any log line that mentions the record.
        @Override
        public String toString() {
            return "PasswordChange[<redacted>]";
        }
    }

    @POST
    @RolesAllowed("user")
    @NotWhileImpersonating
    @Operation(summary = "Change the password with {current_password, new_password}; ends the user's other sessions")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = PasswordChange.class)))
    @APIResponse(responseCode = "200", description = "{\"ok\":true}")
    @APIResponse(responseCode = "400", description = "No current password, a new one too short or too long, "
            + "or an account without a password")
    @APIResponse(responseCode = "403", description = "Invalid credentials: the current password is wrong")
    @APIResponse(responseCode = "429", description = "Too many wrong passwords on this account this minute")
    @APIResponse(responseCode = "503", description = "Too many sign-ins at once; or "
            + "attempts cannot be counted right now (RATE_LIMIT_STORE=database: the database did not "
            + "answer within 3 s; Retry-After: 10)")
    public void change(InputStream body, @Context HttpHeaders headers, @Context HttpServletRequest request,
                       @Suspended AsyncResponse response) {
        PasswordChange change = JsonBodies.read(headers.getMediaType(), body, PasswordChange.class, EXPECTED);
        AuthenticatedCaller signedIn = caller.required();
        pool.answer(response, ClientDevice.of(request), () -> {
            changes.change(signedIn, change.currentPassword(), change.newPassword());
            return Map.of("ok", true);
        });
    }
}
