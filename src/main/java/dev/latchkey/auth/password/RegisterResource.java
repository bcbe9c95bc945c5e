package dev.latchkey.auth.password;

import dev.latchkey.auth.session.ClientDevice;
import dev.latchkey.auth.session.SignInResponses;
import dev.latchkey.auth.session.SignInSessions;
import dev.latchkey.ratelimit.RateLimited;
import dev.latchkey.ratelimit.RateLimits;
import dev.latchkey.user.GitHubDescription;
import dev.latchkey.user.RegistrationSetting;
import dev.latchkey.user.User;
import dev.latchkey.user.UserView;
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
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * Registering with an email and password, which signs the new user in.
 */
@ApplicationScoped
@Path("/auth/register")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class RegisterResource {

    static final String EXPECTED = "{\"email\": \"...\", \"password\": \"...\", \"name\": \"...\" (optional)}";

    @Inject
    Registrations registrations;

    @Inject
    SignInSessions sessions;

    @Inject
    HashingPool pool;

    @Inject
    RegistrationSetting setting;

    /** The body of {@code POST /auth/register}; public because JSON-B builds it by reflection. */
    public record Registration(String email, String password, String name) {

        // The generated toString would print the password into any log line that mentions the record.
        @Override
        public String toString() {
            return "Registration[email=" + email + ", password=<redacted>]";
        }
    }

    @POST
    @RateLimited(RateLimits.Action.SIGN_IN)
    @Operation(summary = "Register with {email, password, name?}: the new user, signed in")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = Registration.class)))
    @APIResponse(responseCode = "201", description = "{ok, access_token, token_type, expires_in, user} and the cookie")
    @APIResponse(responseCode = "400", description = "Enter a valid email address / Password must be at least 8 "
            + "characters / Password must be at most 72 bytes / Email already registered / not such a JSON object")
    @APIResponse(responseCode = "403", description = "Registration is closed (REGISTRATION=closed)")
    @APIResponse(responseCode = "429", description = "Too many sign-in attempts from this address")
    @APIResponse(responseCode = "503", description = "Too many sign-ins at once; or "
            + "attempts cannot be counted right now (RATE_LIMIT_STORE=database: the database did not "
            + "answer within 3 s; Retry-After: 10)")
    public void register(InputStream body, @Context HttpHeaders headers, @Context HttpServletRequest request,
                         @Suspended AsyncResponse response) {
        setting.requireOpen();
        Registration registration = JsonBodies.read(headers.getMediaType(), body, Registration.class, EXPECTED);
        ClientDevice client = ClientDevice.of(request);
        pool.answer(response, client, () -> {
            User user = registrations.register(registration.email(), registration.password(), registration.name());
            SignInSessions.IssuedSession session =
                    sessions.begin(user.id(), client, "register", GitHubDescription.STORED_ONLY);
            return SignInResponses.signedIn(201, session, UserView.of(session.user()));
        });
    }
}
