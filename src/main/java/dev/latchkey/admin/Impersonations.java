package dev.latchkey.admin;

import dev.latchkey.audit.AuditTrail;
import dev.latchkey.audit.AuditType;
import dev.latchkey.caller.AuthenticatedCaller;
import dev.latchkey.caller.Caller;
import dev.latchkey.auth.session.ClientDevice;
import dev.latchkey.auth.session.Session;
import dev.latchkey.auth.session.SessionCookie;
import dev.latchkey.auth.session.SessionRenewals;
import dev.latchkey.auth.session.SessionTokens;
import dev.latchkey.auth.session.Sessions;
import dev.latchkey.auth.session.SignInResponses;
import dev.latchkey.auth.session.SignInSessions;
import dev.latchkey.user.User;
import dev.latchkey.user.UserView;
import dev.latchkey.web.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * Starts an admin's impersonation of a user: a separate session of the user, at most an hour long, whose row and
 * JWT ({@code act}) name the admin. The admin's own session stays live; a browser keeps its token in the
 * {@code latchkey_admin_session} cookie ({@code __Host-} prefixed in production) until
 * {@code POST /auth/stop-impersonating}.
 */
@ApplicationScoped
class Impersonations {

    @Inject
    Sessions sessions;

    @Inject
    SessionTokens tokens;

    @Inject
    SessionCookie cookie;

    @Inject
    Caller caller;

    @Inject
    AuditTrail audit;

    Response start(AuthenticatedCaller admin, User target, ClientDevice device, boolean keepAdminCookie) {
        Instant now = Instant.now();
        if (target.admin()) {
            throw new ApiException(403, "Admins cannot be impersonated");
        }
        if (target.banAt(now).isPresent()) {
            throw new ApiException(403, "Banned users cannot be impersonated");
        }
        Session session = sessions.startImpersonation(target.id(), admin.userId(), device,
                SessionRenewals.IMPERSONATION_LIMIT);
        String token = tokens.issue(session);
        long expiresIn = Duration.between(now, session.expiresAt()).toSeconds();
        audit.record(AuditType.IMPERSONATION_STARTED, admin.userId(), target.id(),
                Map.of("expires_at", session.expiresAt().toString()));
        SignInSessions.IssuedSession issued = new SignInSessions.IssuedSession(session.id(), token,
                cookie.set(token, expiresIn), expiresIn, target);
        Response answer = SignInResponses.signedIn(200, issued, UserView.of(target, admin.user()));
        if (!keepAdminCookie) {
            return answer;
        }
        return caller.presentedToken()
                .map(own -> Response.fromResponse(answer).header("Set-Cookie", cookie.setAdminSession(own.token(),
                        Math.max(1, Duration.between(now, own.expiresAt()).toSeconds()))).build())
                .orElse(answer);
    }
}
