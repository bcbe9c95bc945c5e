package dev.latchkey.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.latchkey.auth.session.SessionClaims;
import dev.latchkey.auth.session.SessionsEnded;
import dev.latchkey.user.User;
import dev.latchkey.user.UserChanged;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RecentSessionChecksTest {

    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final RecentSessionChecks checks = new RecentSessionChecks(Duration.ofSeconds(1), nanos::get);

    @Test
    void anAcceptedSessionIsRecalledForTheConfiguredTimeOnly() throws Exception {
        remember(checks, Rows.user(7), "s1", null, checks.beforeReading());

        nanos.addAndGet(Duration.ofMillis(999).toNanos());
        assertEquals("s1", checks.recall(token("s1")).orElseThrow().session().id());

        nanos.addAndGet(Duration.ofMillis(1).toNanos());
        assertTrue(checks.recall(token("s1")).isEmpty());
        assertEquals(0, checks.size());
    }

    @Test
    void anEndedSessionIsForgottenAndTheUsersOtherSessionsAreKept() throws Exception {
        remember(checks, Rows.user(7), "s1", null, checks.beforeReading());
        remember(checks, Rows.user(7), "s2", null, checks.beforeReading());

        checks.sessionsEnded(new SessionsEnded("s1", null));

        assertTrue(checks.recall(token("s1")).isEmpty());
        assertTrue(checks.recall(token("s2")).isPresent());
    }

    @Test
    void endingAllOfAUsersSessionsForgetsThemAndTheirImpersonations() throws Exception {
        remember(checks, Rows.user(7), "own", null, checks.beforeReading());
        remember(checks, Rows.user(8), "acting-as-8", 7L, checks.beforeReading());
        remember(checks, Rows.user(9), "other", null, checks.beforeReading());

        checks.sessionsEnded(new SessionsEnded(null, 7L));

        assertTrue(checks.recall(token("own")).isEmpty());
        assertTrue(checks.recall(token("acting-as-8")).isEmpty());
        assertTrue(checks.recall(token("other")).isPresent());
    }

    @Test
    void aChangedUserIsReadAgainAlsoWhereTheyImpersonate() throws Exception {
        remember(checks, Rows.user(7), "own", null, checks.beforeReading());
        remember(checks, Rows.user(8), "acting-as-8", 7L, checks.beforeReading());

        checks.userChanged(new UserChanged(7));

        assertTrue(checks.recall(token("own")).isEmpty());
        assertTrue(checks.recall(token("acting-as-8")).isEmpty());
    }

    @Test
    void rowsReadBeforeAChangeCompletedAreNotRemembered() throws Exception {
        RecentSessionChecks.Reading before = checks.beforeReading();
        // Another request ends the session while this one is still reading the rows it read before.
        checks.sessionsEnded(new SessionsEnded("s1", null));

        remember(checks, Rows.user(7), "s1", null, before);

        assertTrue(checks.recall(token("s1")).isEmpty());
    }

    @Test
    void theRememberedUserIsACopyNoRequestShares() throws Exception {
        User read = Rows.user(7);
        remember(checks, read, "s1", null, checks.beforeReading());

        read.changeRole(User.ROLE_ADMIN, Instant.now());

        assertEquals(User.ROLE_USER, checks.recall(token("s1")).orElseThrow().user().role());
    }

    @Test
    void zeroTurnsItOffAndMoreThanTwoSecondsIsRefused() throws Exception {
        RecentSessionChecks off = new RecentSessionChecks(Duration.ZERO, nanos::get);
        remember(off, Rows.user(7), "s1", null, off.beforeReading());
        assertTrue(off.recall(token("s1")).isEmpty());

        IllegalStateException tooLong = assertThrows(IllegalStateException.class,
                () -> new RecentSessionChecks(Duration.ofMillis(2001), nanos::get));
        assertEquals("SESSION_CHECK_CACHE_MILLISECONDS must be between 0 and 2000, not 2001", tooLong.getMessage());
    }

    @Test
    void itNeverHoldsMoreThanItsLimit() throws Exception {
        User user = Rows.user(7);
        for (int i = 0; i <= RecentSessionChecks.MOST_REMEMBERED; i++) {
            remember(checks, user, "s" + i, null, checks.beforeReading());
        }
        assertTrue(checks.size() <= RecentSessionChecks.MOST_REMEMBERED, "size " + checks.size());
        assertTrue(checks.recall(token("s" + RecentSessionChecks.MOST_REMEMBERED)).isPresent());
    }

    @Test
    void itsTimeCountsFromWhenTheReadingBeganNotFromWhenItEnded() throws Exception {
        RecentSessionChecks.Reading reading = checks.beforeReading();
        nanos.addAndGet(Duration.ofMillis(600).toNanos());
        remember(checks, Rows.user(7), "slow", null, reading);

        nanos.addAndGet(Duration.ofMillis(400).toNanos());
        assertTrue(checks.recall(token("slow")).isEmpty(), "a second after the reading began");
    }

    @Test
    void tokensNoLongerPresentedAreDroppedWithoutWaitingForTheLimit() throws Exception {
        for (int i = 0; i < 100; i++) {
            remember(checks, Rows.user(7), "old" + i, null, checks.beforeReading());
        }
        nanos.addAndGet(Duration.ofSeconds(1).toNanos());

        remember(checks, Rows.user(7), "new", null, checks.beforeReading());

        assertEquals(1, checks.size());
    }

    @Test
    void onlyTheVeryTokenVerifiedIsRecalled() throws Exception {
        remember(checks, Rows.user(7), "s1", null, checks.beforeReading());

        assertTrue(checks.recall(token("s1") + "x").isEmpty());
        assertTrue(checks.recall("s1").isEmpty());
        assertTrue(checks.recall(null).isEmpty());
        assertEquals(7, checks.recall(token("s1")).orElseThrow().claims().userId());
    }

    private static void remember(RecentSessionChecks checks, User user, String sessionId, Long impersonatorId,
                                 RecentSessionChecks.Reading reading) throws ReflectiveOperationException {
        checks.remember(token(sessionId), new SessionClaims(user.id(), sessionId, Instant.now().plusSeconds(60),
                false, impersonatorId), user, Rows.session(sessionId, user.id(), impersonatorId), reading);
    }

    /** Stands for the session JWT naming this session: the checks only compare it whole. */
    private static String token(String sessionId) {
        return "eyJhbGciOiJIUzI1NiJ9.session-" + sessionId + ".signature";
    }
}
