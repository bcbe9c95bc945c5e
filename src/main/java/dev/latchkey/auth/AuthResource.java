package dev.latchkey.auth;

import dev.latchkey.audit.AuditTrail;
import dev.latchkey.audit.AuditType;
import dev.latchkey.auth.pat.PatSignInSetting;
import dev.latchkey.auth.session.SessionCookie;
import dev.latchkey.auth.session.Sessions;
import dev.latchkey.caller.AuthenticatedCaller;
import dev.latchkey.caller.Caller;
import dev.latchkey.github.GitHubSettings;
import dev.latchkey.membership.MembershipSettings;
import dev.latchkey.user.RegistrationSetting;
import dev.latchkey.user.UserView;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * The signed-in user, signing out, and which sign-in methods this Latchkey offers.
 */
// Application-scoped, as every resource without per-request fields: JAX-RS would otherwise build and inject one for
// every request (docs/BENCHMARKS.md, "Where a request's time goes").
@ApplicationScoped
@Path("/auth")
@Produces(MediaType.APPLICATION_JSON)
public class AuthResource {

    @Inject
    Caller caller;

    @Inject
    Sessions sessions;

    @Inject
    SessionCookie cookie;

    @Inject
    GitHubSettings github;

    @Inject
    PatSignInSetting patSignIn;

    @Inject
    MeViews views;

    @Inject
    RegistrationSetting registration;

    @Inject
    AuditTrail audit;

    @Inject
    MembershipSettings membership;

    @GET
    @Path("me")
    @RolesAllowed("user")
    @Operation(summary = "The signed-in user")
    @APIResponse(responseCode = "200", description = "The user, with impersonated_by {id, github_username, email} "
            + "while an admin acts as them, else null, and orgs: the allowed, admin and route-required GitHub "
            + "organizations and teams their last membership check found them in, e.g. [\"acme\",\"acme/core\"]")
    @APIResponse(responseCode = "401", description = "Not authenticated / Invalid or expired token / User not found / "
            + "No longer a member of an allowed organization / Your organization membership could not be checked "
            + "with GitHub for too long: sign in with GitHub again")
    public UserView me() {
        return views.of(caller.required());
    }

    @POST
    @Path("logout")
    @Operation(summary = "End this session and expire its cookie (and an impersonating admin's kept one); safe to "
            + "repeat")
    @APIResponse(responseCode = "200", description = "{\"ok\":true,\"message\":\"Logged out\"}")
    public Response logout(@Context HttpHeaders headers) {
        caller.current().ifPresent(signedIn -> {
            sessions.revoke(signedIn.sessionId());
            audit.record(signedIn.impersonated() ? AuditType.IMPERSONATION_STOPPED : AuditType.SIGN_OUT,
                    signedIn.actorId(), signedIn.userId(), Map.of());
        });
        Response.ResponseBuilder answer = Response.ok(Map.of("ok", true, "message", "Logged out"))
                .header("Set-Cookie", cookie.expire());
        return (cookie.presentedAdminSession(headers).isEmpty() ? answer
                : answer.header("Set-Cookie", cookie.expireAdminSession())).build();
    }

    @GET
    @Path("whoami")
    @Operation(summary = "The caller if signed in (else null) and an actor id for log correlation; never an error")
    @APIResponse(responseCode = "200", description = "{\"user\": {...} or null, \"actor_id\": N}. actor_id is the "
            + "user's id, else the digits of X-Actor-Id, else of ?aid=, else 0: client-chosen labels, never identity")
    public Map<String, Object> whoami(@HeaderParam("X-Actor-Id") String actorHeader, @QueryParam("aid") String aid) {
        Optional<AuthenticatedCaller> signedIn = caller.current();
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("user", signedIn.map(views::of).orElse(null));
        answer.put("actor_id", ActorIds.of(signedIn, actorHeader, aid));
        return answer;
    }

    @GET
    @Path("providers")
    @Operation(summary = "Which sign-in methods are enabled and who may sign in with GitHub; needs no session")
    @APIResponse(responseCode = "200", description = "For example {\"github\":true,\"pat\":true,\"password\":true,"
            + "\"registration\":true,\"organizations\":[\"acme\",\"acme/core\"],"
            + "\"github_url\":\"https://github.com\"}: "
            + "registration says whether POST /auth/register is open; organizations lists the organizations and teams "
            + "whose members may sign in (GITHUB_ALLOWED_ORGS, GITHUB_ALLOWED_TEAMS; empty: any GitHub account); "
            + "github_url is GITHUB_URL, the only site the sign-in page links to for GitHub's own steps")
    public SignInMethods providers() {
        return new SignInMethods(github.configured(), patSignIn.enabled(), true, registration.open(),
                membership.allowedNames(), github.webUrl());
    }
}
