package dev.latchkey.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.latchkey.auth.session.Session;
import dev.latchkey.auth.session.SessionClaims;
import dev.latchkey.auth.session.SessionEndReason;
import dev.latchkey.auth.session.SessionTokens;
import dev.latchkey.auth.session.Sessions;
import dev.latchkey.auth.session.SessionsEnded;
import dev.latchkey.caller.SessionOutcome;
import dev.latchkey.membership.MembershipWatch;
import dev.latchkey.user.BannedException;
import dev.latchkey.user.User;
import dev.latchkey.user.Users;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class SessionValidatorTest {

    private static final String TOKEN = "eyJhbGciOiJIUzI1NiJ9.session-s1.signature";

    private final Map<String, SessionClaims> signed = new HashMap<>();
    private final Map<Long, User> userRows = new HashMap<>();
    private final Map<String, Session> sessionRows = new HashMap<>();
    private final AtomicInteger signatureChecks = new AtomicInteger();
    private final AtomicInteger sessionReads = new AtomicInteger();
    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final SessionValidator validator = new SessionValidator();

    SessionValidatorTest() {
        validator.tokens = new SessionTokens() {
            @Override
            public Optional<SessionClaims> verify(String token, Instant now) {
                signatureChecks.incrementAndGet();
                return Optional.ofNullable(signed.get(token)).filter(claims -> claims.expiresAt().isAfter(now));
            }
        };
        validator.users = new Users() {
            @Override
            public Optional<User> find(long id) {
                return Optional.ofNullable(userRows.get(id)).map(User::copy);
            }
        };
        validator.sessions = new Sessions() {
            @Override
            public Optional<Session> find(String id) {
                sessionReads.incrementAndGet();
                return Optional.ofNullable(sessionRows.get(id));
            }
        };
        validator.recent = new RecentSessionChecks(Duration.ofSeconds(1), nanos::get);
        validator.membership = new MembershipWatch() {
            @Override
            public Optional<String> confinement(User user) {
                return Optional.empty();
            }

            @Override
            public Optional<SessionEndReason> onRequest(User signedIn) {
                return Optional.empty();
            }
        };
    }

    @Test
    void aLiveSessionOfAnExistingUserIsValid() throws Exception {
        signIn(7, "s1", null);

        SessionOutcome.Valid valid = assertInstanceOf(SessionOutcome.Valid.class, validator.validate(TOKEN));

        assertEquals(7, valid.user().id());
        assertEquals("s1", valid.session().id());
        assertEquals("s1", valid.claims().sessionId());
    }

    @Test
    void aTokenThatIsNotOursIsRefusedAsInvalid() {
        assertEquals(new SessionOutcome.Refused(SessionValidator.INVALID_TOKEN), validator.validate("forged"));
        assertEquals(new SessionOutcome.Refused(SessionValidator.INVALID_TOKEN), validator.validate(null));
    }

    @Test
    void aDeletedUsersTokenIsRefusedWithUserNotFound() throws Exception {
        signIn(7, "s1", null);
        userRows.remove(7L);

        assertEquals(new SessionOutcome.Refused(SessionValidator.USER_NOT_FOUND), validator.validate(TOKEN));
    }

    @Test
    void aBannedUsersTokenSaysWhy() throws Exception {
        signIn(7, "s1", null);
        userRows.get(7L).ban("spam", null, 1, Instant.now());

        SessionOutcome.Banned banned = assertInstanceOf(SessionOutcome.Banned.class, validator.validate(TOKEN));

        assertEquals(BannedException.MESSAGE + " Reason: spam", banned.detail());
    }

    @Test
    void aSessionEndedByAMembershipCheckIsRefusedWithItsReason() throws Exception {
        signIn(7, "s1", null);
        end(sessionRows.get("s1"), SessionEndReason.MEMBERSHIP_ENDED);

        assertEquals(new SessionOutcome.Refused(SessionEndReason.MEMBERSHIP_ENDED.detail()), validator.validate(TOKEN));
    }

    @Test
    void aTokenNamingAnotherUsersSessionIsRefused() throws Exception {
        signIn(7, "s1", null);
        sessionRows.put("s1", Rows.session("s1", 8, null));

        assertEquals(new SessionOutcome.Refused(SessionValidator.INVALID_TOKEN), validator.validate(TOKEN));
    }

    @Test
    void anImpersonationEndsWhenItsAdminIsNoLongerAnAdmin() throws Exception {
        userRows.put(1L, Rows.user(1));
        userRows.get(1L).changeRole(User.ROLE_ADMIN, Instant.now());
        signIn(7, "s1", 1L);
        assertInstanceOf(SessionOutcome.Valid.class, validator.validate(TOKEN));

        userRows.get(1L).changeRole(User.ROLE_USER, Instant.now());
        nanos.addAndGet(Duration.ofSeconds(1).toNanos());

        assertEquals(new SessionOutcome.Refused(SessionValidator.INVALID_TOKEN), validator.validate(TOKEN));
    }

    @Test
    void theSameTokenAgainWithinTheCacheBoundIsNeitherVerifiedNorReadAgain() throws Exception {
        signIn(7, "s1", null);

        validator.validate(TOKEN);
        nanos.addAndGet(Duration.ofMillis(999).toNanos());
        assertInstanceOf(SessionOutcome.Valid.class, validator.validate(TOKEN));
        assertEquals(1, signatureChecks.get());
        assertEquals(1, sessionReads.get());

        nanos.addAndGet(Duration.ofMillis(1).toNanos());
        assertInstanceOf(SessionOutcome.Valid.class, validator.validate(TOKEN));
        assertEquals(2, signatureChecks.get());
        assertEquals(2, sessionReads.get());
    }

    @Test
    void aRememberedSessionEndedThroughThisServerIsRefusedAtOnce() throws Exception {
        signIn(7, "s1", null);
        validator.validate(TOKEN);

        end(sessionRows.get("s1"), null);
        validator.recent.sessionsEnded(new SessionsEnded("s1", null));

        assertEquals(new SessionOutcome.Refused(SessionValidator.INVALID_TOKEN), validator.validate(TOKEN));
    }

    private void signIn(long userId, String sessionId, Long impersonatorId) throws ReflectiveOperationException {
        userRows.putIfAbsent(userId, Rows.user(userId));
        sessionRows.put(sessionId, Rows.session(sessionId, userId, impersonatorId));
        signed.put(TOKEN, new SessionClaims(userId, sessionId, Instant.now().plus(Duration.ofDays(1)), false,
                impersonatorId));
    }

    private static void end(Session session, SessionEndReason reason) throws ReflectiveOperationException {
        Rows.set(session, Session.class, "revokedAt", Instant.now());
        Rows.set(session, Session.class, "endReason", reason == null ? null : reason.code());
    }
}
