package dev.latchkey.auth.github;

import dev.latchkey.audit.AuditTrail;
import dev.latchkey.caller.AuthenticatedCaller;
import dev.latchkey.caller.Caller;
import dev.latchkey.caller.NotWhileImpersonating;
import dev.latchkey.web.ApiException;
import dev.latchkey.ratelimit.RateLimited;
import dev.latchkey.ratelimit.RateLimits;
import dev.latchkey.auth.session.ClientDevice;
import dev.latchkey.auth.session.SessionCookie;
import dev.latchkey.auth.session.Sessions;
import dev.latchkey.web.Problems;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.Suspended;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import dev.latchkey.vault.GitHubScopes;

/**
 * Sign in with GitHub: the start of the web flow (also to link GitHub to an account), GitHub's callback, reconnecting,
 * and the token's scopes.
 */
@ApplicationScoped
@Path("/auth/github")
public class GitHubLoginResource {

    @Inject
    GitHubAuthorizations authorizations;

    @Inject
    GitHubCallback callback;

    @Inject
    GitHubReconnect reconnect;

    @Inject
    GitHubScopes scopes;

    @Inject
    OAuthStateCookie stateCookie;

    @Inject
    SessionCookie sessionCookie;

    @Inject
    FrontendRedirects frontend;

    @Inject
    Caller caller;

    @Inject
    AuditTrail audit;

    @Inject
    GitHubSignInPool pool;

    @Inject
    CrossSiteNavigations navigations;

    @Inject
    Sessions sessions;

    @GET
    @RateLimited(RateLimits.Action.GITHUB)
    @Operation(summary = "Start signing in with GitHub, or with link=true (signed in) linking GitHub to this account: "
            + "302 to GitHub's consent page")
    @APIResponse(responseCode = "302", description = "To GitHub, with state and PKCE challenge; link=true from "
            + "another site's page: to the frontend with ?error=cross_site_request; link=true with a session older "
            + "than 10 minutes, for a browser: to the frontend with ?error=sign_in_again")
    @APIResponse(responseCode = "401", description = "link=true without a session")
    @APIResponse(responseCode = "403", description = "link=true: Sign in again to link GitHub (a session older than "
            + "10 minutes), or while impersonating")
    @APIResponse(responseCode = "503", description = "GitHub sign-in is not configured")
    public Response start(@QueryParam("redirect") String redirect, @QueryParam("link") boolean link,
                          @HeaderParam("Accept") String accept, @Context HttpServletRequest request) {
        return link ? startLinking(redirect, browser(accept), request) : authorizations.start(redirect).build();
    }

    /** Linking is what a stolen session would want most, so it needs the user's own page and a recent sign-in. */
    private Response startLinking(String redirect, boolean browser, HttpServletRequest request) {
        AuthenticatedCaller signedIn = caller.required();
        if (navigations.foreign(request)) {
            return navigations.refused();
        }
        if (signedIn.impersonated()) {
            throw new ApiException(403, NotWhileImpersonating.REFUSAL);
        }
        if (!sessions.signedInRecently(signedIn.sessionId())) {
            return failed(GitHubSignInFailure.signInAgainToLink(), browser).build();
        }
        OAuthStates.Linking linking = new OAuthStates.Linking(signedIn.userId(), signedIn.sessionId());
        return authorizations.startLinking(redirect, linking).build();
    }

    @GET
    @Path("callback")
    @Operation(summary = "GitHub's redirect back: finishes the sign-in and sets the session cookie")
    @APIResponse(responseCode = "302", description = "To the frontend; on failure to LOGIN_REDIRECT_PATH?error=CODE "
            + "when the client accepts text/html (github_sso_required adds &sso_url=, GitHub's address for authorizing "
            + "the token for the organization's SAML SSO, only when it is on GITHUB_URL's host)")
    @APIResponse(responseCode = "400", description = "Invalid or expired OAuth state / Failed to exchange GitHub "
            + "code / This GitHub account is already linked to another user")
    @APIResponse(responseCode = "403", description = "Not a member of an allowed organization or team "
            + "(?error=not_a_member), the organization's SAML SSO not authorized (?error=github_sso_required), its "
            + "OAuth App access restrictions (?error=org_access_restricted), a ban, or a link asked too late")
    @APIResponse(responseCode = "502", description = "Failed to fetch GitHub user")
    @APIResponse(responseCode = "503", description = "GitHub is not answering")
    public void callback(@QueryParam("code") String code, @QueryParam("state") String state,
                             @QueryParam("error") String error, @Context HttpHeaders headers,
                             @HeaderParam("Accept") String accept, @Context HttpServletRequest request,
                             @Suspended AsyncResponse response) {
        GitHubCallback.Arrival arrival = new GitHubCallback.Arrival(code, state, error, stateCookie.presented(headers),
                ClientDevice.of(request));
        boolean browser = browser(accept);
        pool.answer(response, arrival.device(), () -> finish(arrival, browser));
    }

    private Response finish(GitHubCallback.Arrival arrival, boolean browser) {
        try {
            GitHubCallback.Completed done = callback.complete(arrival);
            return Response.status(Response.Status.FOUND).location(done.destination())
                    .header("Set-Cookie", done.session().setCookie())
                    .header("Set-Cookie", stateCookie.expire())
                    .header("Referrer-Policy", "no-referrer")
                    .build();
        } catch (GitHubSignInFailure failure) {
            if (!failure.audited()) {
                audit.signInFailed("github", failure, null);
            }
            return failed(failure, browser).header("Set-Cookie", stateCookie.expire()).build();
        }
    }

    /** A browser goes back to the frontend with {@code ?error=CODE}; other clients get the problem. */
    private Response.ResponseBuilder failed(GitHubSignInFailure failure, boolean browser) {
        return browser ? frontend.toFailure(failure.errorCode(), failure.ssoUrl())
                : Response.fromResponse(Problems.response(failure.status(), failure.detail()))
                        .header("Referrer-Policy", "no-referrer");
    }

    private static boolean browser(String accept) {
        return accept != null && accept.contains(MediaType.TEXT_HTML);
    }

    @GET
    @Path("reconnect")
    @RolesAllowed("user")
    @NotWhileImpersonating
    @Operation(summary = "Revoke the stored grant, end this session and authorize again (e.g. to grant an org)")
    @APIResponse(responseCode = "302", description = "To GitHub's consent page; from another site's page: to the "
            + "frontend with ?error=cross_site_request, and nothing is revoked or ended")
    @APIResponse(responseCode = "401", description = "Not authenticated")
    public Response reconnect(@QueryParam("redirect") String redirect, @Context HttpServletRequest request) {
        if (navigations.foreign(request)) {
            return navigations.refused();
        }
        reconnect.endCurrentGrant(caller.required());
        return authorizations.start(redirect).header("Set-Cookie", sessionCookie.expire()).build();
    }

    @GET
    @Path("scopes")
    @RolesAllowed("user")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The scopes the stored GitHub token has, the ones Latchkey asks for, and the missing ones")
    @APIResponse(responseCode = "200", description = "{granted, required, missing}")
    @APIResponse(responseCode = "401", description = "Not authenticated, or the stored token is unreadable or revoked")
    public GitHubScopes.Report scopes() {
        return scopes.report(caller.required().userId());
    }
}
