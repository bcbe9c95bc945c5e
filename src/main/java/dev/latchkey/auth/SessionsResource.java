package dev.latchkey.auth;

import dev.latchkey.audit.AuditTrail;
import dev.latchkey.audit.AuditType;
import dev.latchkey.auth.session.Session;
import dev.latchkey.auth.session.SessionCookie;
import dev.latchkey.auth.session.Sessions;
import dev.latchkey.caller.AuthenticatedCaller;
import dev.latchkey.caller.Caller;
import dev.latchkey.caller.NotWhileImpersonating;
import dev.latchkey.user.UserView;
import dev.latchkey.web.ApiException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * The caller's own sessions: seeing them, and ending one or all others.
 */
@ApplicationScoped
@Path("/auth/sessions")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("user")
public class SessionsResource {

    @Inject
    Caller caller;

    @Inject
    Sessions sessions;

    @Inject
    SessionCookie cookie;

    @Inject
    AuditTrail audit;

    /**
     * One session as the list shows it. An impersonation session is the admin's device, not the user's: its address
     * and user agent stay out of the user's list, as in their audit trail.
     */
    public record SessionView(String id, String createdAt, String lastSeenAt, String expiresAt, String ipAddress,
                              String userAgent, boolean current, boolean impersonation) {

        static SessionView of(Session session, String currentId) {
            boolean impersonation = session.impersonatorId() != null;
            return new SessionView(session.id(), UserView.timestamp(session.createdAt()),
                    UserView.timestamp(session.lastSeenAt()), UserView.timestamp(session.expiresAt()),
                    impersonation ? null : session.ipAddress(), impersonation ? null : session.userAgent(),
                    session.id().equals(currentId), impersonation);
        }
    }

    @GET
    @Operation(summary = "The caller's live sessions, newest first, with this one marked current")
    @APIResponse(responseCode = "200", description = "[{id, created_at, last_seen_at, expires_at, ip_address, "
            + "user_agent, current, impersonation}]; ip_address and user_agent are null on an impersonation session")
    @APIResponse(responseCode = "401", description = "Not authenticated")
    public List<SessionView> list() {
        AuthenticatedCaller me = caller.required();
        return sessions.liveSessionsOf(me.userId(), Instant.now()).stream()
                .map(session -> SessionView.of(session, me.sessionId())).toList();
    }

    @DELETE
    @Path("{id}")
    @NotWhileImpersonating
    @Operation(summary = "End one of the caller's sessions; ending the current one also expires its cookie")
    @APIResponse(responseCode = "200", description = "{\"ok\":true}")
    @APIResponse(responseCode = "404", description = "Session not found (not the caller's, ended, or unknown)")
    public Response end(@PathParam("id") String id) {
        AuthenticatedCaller me = caller.required();
        if (id.length() > 64 || !sessions.revokeOwn(me.userId(), id)) {
            throw new ApiException(404, "Session not found");
        }
        audit.record(AuditType.SESSION_ENDED, me.userId(), me.userId(), Map.of("count", 1));
        Response.ResponseBuilder answer = Response.ok(Map.of("ok", true));
        return (id.equals(me.sessionId()) ? answer.header("Set-Cookie", cookie.expire()) : answer).build();
    }

    @POST
    @Path("revoke-others")
    @NotWhileImpersonating
    @Operation(summary = "End every session of the caller but this one; audited with the linked GitHub login")
    @APIResponse(responseCode = "200", description = "{\"ok\":true,\"revoked\":N}")
    public Map<String, Object> endOthers() {
        AuthenticatedCaller me = caller.required();
        int revoked = sessions.revokeAllExcept(me.userId(), me.sessionId());
        if (revoked > 0) {
            audit.record(AuditType.SESSION_ENDED, me.userId(), me.userId(),
                    me.withLinkedGitHub(Map.of("count", revoked)));
        }
        return Map.of("ok", true, "revoked", revoked);
    }
}
