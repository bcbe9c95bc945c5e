package dev.latchkey.auth;

import dev.latchkey.audit.AuditTrail;
import dev.latchkey.audit.AuditType;
import dev.latchkey.auth.session.SessionCookie;
import dev.latchkey.auth.session.Sessions;
import dev.latchkey.auth.session.SignInResponses;
import dev.latchkey.auth.session.SignInSessions;
import dev.latchkey.caller.AuthenticatedCaller;
import dev.latchkey.caller.Caller;
import dev.latchkey.caller.SessionOutcome;
import dev.latchkey.user.UserView;
import dev.latchkey.web.ApiException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * Ends an impersonation and gives the admin their own session back, from the cookie it waited in.
 */
@ApplicationScoped
@Path("/auth/stop-impersonating")
@Produces(MediaType.APPLICATION_JSON)
public class StopImpersonatingResource {

    @Inject
    Caller caller;

    @Inject
    Sessions sessions;

    @Inject
    SessionValidator validator;

    @Inject
    SessionCookie cookie;

    @Inject
    AuditTrail audit;

    @POST
    @RolesAllowed("user")
    @Operation(summary = "End this impersonation session and restore the admin's own session (cookie)")
    @APIResponse(responseCode = "200", description = "{ok, expires_in, user} with the admin's session "
            + "cookie (the admin's token is never in the body); {\"ok\":true} alone when the admin's session is not in this browser or ended")
    @APIResponse(responseCode = "400", description = "You are not impersonating anyone")
    public Response stop(@Context HttpHeaders headers) {
        AuthenticatedCaller me = caller.required();
        if (!me.impersonated()) {
            throw new ApiException(400, "You are not impersonating anyone");
        }
        sessions.revoke(me.sessionId());
        audit.record(AuditType.IMPERSONATION_STOPPED, me.impersonatorId(), me.userId(), Map.of());
        Response restored = cookie.presentedAdminSession(headers)
                .flatMap(adminToken -> restore(adminToken, me.impersonatorId()))
                .orElseGet(() -> Response.ok(Map.of("ok", true)).header("Set-Cookie", cookie.expire()).build());
        return Response.fromResponse(restored).header("Set-Cookie", cookie.expireAdminSession()).build();
    }

    /** The admin's own session, if this browser kept it and it is still live. */
    private Optional<Response> restore(String adminToken, long adminId) {
        if (!(validator.validate(adminToken) instanceof SessionOutcome.Valid valid)
                || valid.user().id() != adminId || valid.claims().impersonated()) {
            return Optional.empty();
        }
        // Not renewed here: the admin's next request renews it if it is close to expiry.
        Instant now = Instant.now();
        String token = adminToken;
        Instant expiresAt = valid.claims().expiresAt();
        long expiresIn = Math.max(1, Duration.between(now, expiresAt).toSeconds());
        SignInSessions.IssuedSession session = new SignInSessions.IssuedSession(valid.session().id(), token,
                cookie.set(token, expiresIn), expiresIn, valid.user());
        // The admin's token waited in an HttpOnly cookie: it goes back there, never into the page's reach.
        return Optional.of(SignInResponses.cookieOnly(session, UserView.of(valid.user())));
    }
}
