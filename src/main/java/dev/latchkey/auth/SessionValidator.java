package dev.latchkey.auth;

import dev.latchkey.auth.session.Session;
import dev.latchkey.auth.session.SessionClaims;
import dev.latchkey.auth.session.SessionEndReason;
import dev.latchkey.auth.session.SessionTokens;
import dev.latchkey.auth.session.Sessions;
import dev.latchkey.caller.SessionOutcome;
import dev.latchkey.membership.MembershipWatch;
import dev.latchkey.user.BannedException;
import dev.latchkey.user.User;
import dev.latchkey.user.UserBan;
import dev.latchkey.user.Users;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Decides whether a presented token belongs to a live session of an existing user.
 */
@ApplicationScoped
public class SessionValidator {

    static final String INVALID_TOKEN = "Invalid or expired token";
    static final String USER_NOT_FOUND = "User not found";

    @Inject
    SessionTokens tokens;

    @Inject
    Sessions sessions;

    @Inject
    Users users;

    @Inject
    RecentSessionChecks recent;

    @Inject
    MembershipWatch membership;

    public SessionOutcome validate(String token) {
        Instant now = Instant.now();
        Optional<SessionOutcome.Valid> remembered = recall(token, now);
        if (remembered.isPresent()) {
            return watched(remembered.get());
        }
        Optional<SessionClaims> claims = tokens.verify(token, now);
        if (claims.isEmpty()) {
            return new SessionOutcome.Refused(INVALID_TOKEN);
        }
        RecentSessionChecks.Reading reading = recent.beforeReading();
        SessionOutcome outcome = checkRows(claims.get(), now);
        if (outcome instanceof SessionOutcome.Valid valid) {
            recent.remember(token, valid.claims(), valid.user(), valid.session(), reading);
            return watched(valid);
        }
        return outcome;
    }

    /** A session in use keeps its user's organization membership checked; it ends when GitHub says no. */
    private SessionOutcome watched(SessionOutcome.Valid valid) {
        Optional<String> confinement = membership.confinement(valid.user());
        if (confinement.isPresent()) {
            return new SessionOutcome.Valid(valid.user(), valid.claims(), valid.session(), confinement.get());
        }
        return membership.onRequest(valid.user())
                .<SessionOutcome>map(ended -> new SessionOutcome.Refused(ended.detail())).orElse(valid);
    }

    /**
     * This server's recent acceptance of this very token, if it still holds now: its signature and claims were
     * verified then, and a change that could end its session made this server forget it, so only the clock is
     * checked here; on a miss the signature and the rows decide.
     */
    private Optional<SessionOutcome.Valid> recall(String token, Instant now) {
        return recent.recall(token)
                .filter(seen -> seen.claims().expiresAt().isAfter(now) && seen.session().liveAt(now))
                .map(seen -> new SessionOutcome.Valid(seen.user().copy(), seen.claims(), seen.session()));
    }

    private SessionOutcome checkRows(SessionClaims claims, Instant now) {
        Optional<User> user = users.find(claims.userId());
        if (user.isEmpty()) {
            return new SessionOutcome.Refused(USER_NOT_FOUND);
        }
        // Before the session check: a ban ends every session, and their old tokens should say why.
        Optional<UserBan> ban = user.get().banAt(now);
        if (ban.isPresent()) {
            return new SessionOutcome.Banned(BannedException.detail(ban.get()));
        }
        // The row is the authority: a token whose session was ended or which names another user is refused.
        Optional<Session> row = sessions.find(claims.sessionId())
                .filter(session -> session.userId() == claims.userId());
        Optional<Session> live = row.filter(session -> session.liveAt(now));
        if (live.isEmpty() || !impersonationHolds(live.get(), claims, now)) {
            return new SessionOutcome.Refused(
                    row.flatMap(Session::endReason).map(SessionEndReason::detail).orElse(INVALID_TOKEN));
        }
        if (live.get().lastSeenAt().isBefore(now.minus(Duration.ofMinutes(1)))) {
            sessions.touch(live.get().id(), now);
        }
        return new SessionOutcome.Valid(user.get(), claims, live.get());
    }

    /**
     * The row and the token must agree on who impersonates, and that admin must still be an admin and not banned:
     * demoting or banning an admin ends their impersonations at once.
     */
    private boolean impersonationHolds(Session session, SessionClaims claims, Instant now) {
        if (!Objects.equals(session.impersonatorId(), claims.impersonatorId())) {
            return false;
        }
        return session.impersonatorId() == null || users.find(session.impersonatorId())
                .filter(admin -> admin.admin() && admin.banAt(now).isEmpty()).isPresent();
    }
}
