package dev.latchkey.auth.pat;

import dev.latchkey.audit.AuditTrail;
import dev.latchkey.auth.github.GitHubSignInPool;
import dev.latchkey.auth.session.ClientDevice;
import dev.latchkey.auth.session.SignInSessions;
import dev.latchkey.crypto.Fingerprints;
import dev.latchkey.ratelimit.RateLimited;
import dev.latchkey.ratelimit.RateLimits;
import dev.latchkey.auth.session.SignInResponses;
import dev.latchkey.user.UserView;
import dev.latchkey.membership.MembershipRefusal;
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
 * Sign in with a GitHub personal access token, for scripts and tools that have one instead of a browser.
 */
@ApplicationScoped
@Path("/auth/pat-signin")
@OnlyWhenPatSignInEnabled
public class PatSignInResource {

    @Inject
    PatSignIns signIns;

    @Inject
    RateLimits limits;

    @Inject
    AuditTrail audit;

    @Inject
    GitHubSignInPool pool;

    @POST
    @RateLimited(RateLimits.Action.SIGN_IN)
    // JSON only: a cross-site form or fetch cannot send it without a CORS preflight, so no page can sign its
    // visitor in to the page author's account (login CSRF). A missing Content-Type is refused in read().
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Sign in with a GitHub token (ghp_, github_pat_, gho_, ghu_): starts a session")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = PatSignInRequest.class)))
    @APIResponse(responseCode = "200", description = "{ok, access_token, token_type, expires_in, user} and the "
            + "session cookie")
    @APIResponse(responseCode = "400", description = "Not JSON, no token, a malformed token, or no email known")
    @APIResponse(responseCode = "401", description = "Invalid GitHub token / This token was issued to another "
            + "application (a gho_ or ghu_ token GitHub does not know as Latchkey's)")
    @APIResponse(responseCode = "403", description = "Banned, or not a member of an allowed organization or team "
            + "(GITHUB_ALLOWED_ORGS, GITHUB_ALLOWED_TEAMS), or the organization's SAML SSO or OAuth App rules")
    @APIResponse(responseCode = "404", description = "Personal access token sign-in is disabled (PAT_SIGNIN)")
    @APIResponse(responseCode = "415", description = "Not sent as application/json")
    @APIResponse(responseCode = "429", description = "Too many requests. Please try again later.")
    @APIResponse(responseCode = "502", description = "GitHub answered with an error of its own (5xx)")
    @APIResponse(responseCode = "503", description = "GitHub is not answering (timeout, refused or dropped "
            + "connection); or attempts cannot be counted right now (RATE_LIMIT_STORE=database: the database did not "
            + "answer within 3 s; Retry-After: 10)")
    public void signIn(InputStream body, @Context HttpHeaders headers, @Context HttpServletRequest request,
                       @Suspended AsyncResponse response) {
        String token = PatSignInRequest.read(headers.getMediaType(), body).presentedToken();
        // The account behind a token is known only once GitHub is asked: the token's fingerprint stands in for it.
        limits.attemptOnAccount(RateLimits.Action.SIGN_IN, "pat:" + Fingerprints.of(token));
        ClientDevice client = ClientDevice.of(request);
        pool.answer(response, client, () -> signIn(token, client));
    }

    private Response signIn(String token, ClientDevice client) {
        try {
            SignInSessions.IssuedSession session = signIns.signIn(token, client);
            return SignInResponses.signedIn(200, session, UserView.of(session.user()));
        } catch (MembershipRefusal refused) {
            if (!refused.audited()) {
                audit.signInFailed("pat", refused, null);
            }
            throw refused;
        } catch (ApiException failure) {
            audit.signInFailed("pat", failure, null);
            throw failure;
        }
    }
}
