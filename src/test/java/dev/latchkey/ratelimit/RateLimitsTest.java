package dev.latchkey.ratelimit;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class RateLimitsTest {

    private static RateLimits allowing(int perMinute) {
        RateLimits limits = new RateLimits();
        limits.signInPerMinute = perMinute;
        limits.githubPerMinute = perMinute;
        limits.store = "memory";
        limits.init();
        return limits;
    }

    @Test
    void anIpv6ClientCannotEscapeItsLimitByRotatingAddressesInItsSlash64() {
        RateLimits limits = allowing(3);
        for (int i = 1; i <= 3; i++) {
            String rotated = "2001:db8:1:2:" + Integer.toHexString(i) + ":a:b:c";
            assertDoesNotThrow(() -> limits.attemptFromAddress(RateLimits.Action.SIGN_IN, rotated));
        }

        assertThrows(TooManyRequestsException.class,
                () -> limits.attemptFromAddress(RateLimits.Action.SIGN_IN, "2001:db8:1:2::ffff"));
        assertThrows(TooManyRequestsException.class,
                () -> limits.attemptFromAddress(RateLimits.Action.SIGN_IN, "[2001:0db8:0001:0002:dead:beef:0:1]"));
        assertDoesNotThrow(() -> limits.attemptFromAddress(RateLimits.Action.SIGN_IN, "2001:db8:1:3::1"),
                "the next /64 is another client");
        assertDoesNotThrow(() -> limits.attemptFromAddress(RateLimits.Action.GITHUB, "2001:db8:1:2::1"),
                "each action keeps its own count");
    }

    @Test
    void ipv4ClientsAreCountedByTheirOwnAddress() {
        RateLimits limits = allowing(1);
        assertDoesNotThrow(() -> limits.attemptFromAddress(RateLimits.Action.SIGN_IN, "198.51.100.1"));
        assertThrows(TooManyRequestsException.class,
                () -> limits.attemptFromAddress(RateLimits.Action.SIGN_IN, "::ffff:198.51.100.1"),
                "an IPv4-mapped address is that IPv4 client");
        assertDoesNotThrow(() -> limits.attemptFromAddress(RateLimits.Action.SIGN_IN, "198.51.100.2"));
    }

    @Test
    void theStoreIsTheDatabaseOrMemoryAndAnythingElseStopsTheDeployment() {
        assertEquals(RateLimitStore.DATABASE, RateLimitStore.parse("database"));
        assertEquals(RateLimitStore.MEMORY, RateLimitStore.parse("memory"));
        for (String wrong : new String[] {"Database", "db", "", "memory "}) {
            IllegalStateException refused = assertThrows(IllegalStateException.class,
                    () -> RateLimitStore.parse(wrong));
            assertEquals("RATE_LIMIT_STORE must be database or memory, not " + wrong, refused.getMessage());
        }
    }
}
