package dev.latchkey.auth.password;

import dev.latchkey.audit.AuditTrail;
import dev.latchkey.auth.session.ClientDevice;
import dev.latchkey.auth.session.SignInResponses;
import dev.latchkey.auth.session.SignInSessions;
import dev.latchkey.membership.MembershipRefusal;
import dev.latchkey.membership.OrganizationGate;
import dev.latchkey.ratelimit.RateLimited;
import dev.latchkey.ratelimit.RateLimits;
import dev.latchkey.user.GitHubDescription;
import dev.latchkey.user.User;
import dev.latchkey.user.UserView;
import dev.latchkey.web.ApiException;
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
 * Signing in with an email and password.
 */
@ApplicationScoped
@Path("/auth/login")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class LoginResource {

    static final String EXPECTED = "{\"email\": \"...\", \"password\": \"...\"}";

    @Inject
    PasswordLogins logins;

    @Inject
    SignInSessions sessions;

    @Inject
    AuditTrail audit;

    @Inject
    HashingPool pool;

    @Inject
    OrganizationGate gate;

    /** The body of {@code POST /auth/login}; public because JSON-B builds it by reflection. */
    public record Credentials(String email, String password) {

        // The generated toString would print the password into any log line that mentions the record.
        @Override
        public String toString() {
            return "Credentials[email=" + email + ", password=<redacted>]";
        }
    }

    @POST
    @RateLimited(RateLimits.Action.SIGN_IN)
    @Operation(summary = "Sign in with {email, password}: emails compare case-insensitively, passwords exactly")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = Credentials.class)))
    @APIResponse(responseCode = "200", description = "{ok, access_token, token_type, expires_in, user} and the cookie")
    @APIResponse(responseCode = "401", description = "Invalid credentials (unknown email or wrong password alike)")
    @APIResponse(responseCode = "403", description = "Under an organization allow-list: the account has no linked "
            + "GitHub identity, or it is not a member (Sign in with GitHub: only members of an allowed organization "
            + "may sign in)")
    @APIResponse(responseCode = "429", description = "Too many sign-in attempts from this address or on this email")
    @APIResponse(responseCode = "503", description = "Too many sign-ins at once; or "
            + "attempts cannot be counted right now (RATE_LIMIT_STORE=database: the database did not "
            + "answer within 3 s; Retry-After: 10)")
    public void login(InputStream body, @Context HttpHeaders headers, @Context HttpServletRequest request,
                      @Suspended AsyncResponse response) {
        Credentials credentials = JsonBodies.read(headers.getMediaType(), body, Credentials.class, EXPECTED);
        ClientDevice client = ClientDevice.of(request);
        pool.answer(response, client, () -> signIn(credentials, client));
    }

    private Response signIn(Credentials credentials, ClientDevice client) {
        try {
            User user = logins.login(credentials.email(), credentials.password());
            // Only once the password is right: nobody learns from a refusal whether an address has an account.
            gate.admitByPassword(user);
            SignInSessions.IssuedSession session =
                    sessions.begin(user.id(), client, "password", GitHubDescription.STORED_ONLY);
            return SignInResponses.signedIn(200, session, UserView.of(session.user()));
        } catch (MembershipRefusal refused) {
            if (!refused.audited()) {
                audit.signInFailed("password", refused, logins.accountOf(credentials.email()).orElse(null));
            }
            throw refused;
        } catch (ApiException failure) {
            audit.signInFailed("password", failure, logins.accountOf(credentials.email()).orElse(null));
            throw failure;
        }
    }
}
