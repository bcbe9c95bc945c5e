package dev.latchkey.membership;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The re-check interval, the retry after GitHub failed, and the staleness bound as configured.
 */
class MembershipSettingsTest {

    @Test
    void aFailedCheckIsRetriedWithinFiveMinutesAtMost() {
        assertEquals(Duration.ofMinutes(60), settings(60, 24).checkInterval());
        assertEquals(Duration.ofMinutes(5), settings(60, 24).retryInterval());
        assertEquals(Duration.ofMinutes(2), settings(2, 24).retryInterval());
        assertEquals(Duration.ZERO, settings(0, 24).retryInterval());
    }

    @Test
    void membershipIsStaleOnlyPastTheBound() {
        Instant now = Instant.parse("2026-12-02T12:00:00Z");
        MembershipSettings day = settings(60, 24);
        assertFalse(day.stale(now.minus(Duration.ofHours(24)), now));
        assertTrue(day.stale(now.minus(Duration.ofHours(24)).minusSeconds(1), now));
        assertTrue(settings(60, 0).stale(now.minusSeconds(1), now));
    }

    @Test
    void outOfRangeValuesStopTheDeployment() {
        assertEquals("MEMBERSHIP_CHECK_MINUTES must be between 0 and 10080",
                assertThrows(IllegalStateException.class, () -> settings(-1, 24)).getMessage());
        assertEquals("MEMBERSHIP_MAX_STALE_HOURS must be between 0 and 720",
                assertThrows(IllegalStateException.class, () -> settings(60, 721)).getMessage());
    }

    private static MembershipSettings settings(long checkMinutes, long maxStaleHours) {
        MembershipSettings settings = new MembershipSettings();
        settings.organizations = Optional.of("acme");
        settings.teams = Optional.empty();
        settings.adminTeams = Optional.empty();
        settings.checkMinutes = checkMinutes;
        settings.maxStaleHours = maxStaleHours;
        settings.read();
        return settings;
    }
}
