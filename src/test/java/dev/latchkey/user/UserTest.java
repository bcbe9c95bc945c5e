package dev.latchkey.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * A user's email: the account keeps its own when GitHub is linked, and counts as verified only as GitHub's address.
 */
class UserTest {

    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void aPasswordRegistrationIsNotVerified() {
        User user = User.withEmail("Ada@Example.com", "Ada", NOW);

        assertFalse(user.emailVerified());
        assertNull(user.githubEmail());
    }

    @Test
    void aGitHubUsersEmailIsTheAddressGitHubVerifiedAndFollowsIt() {
        User user = User.fromGitHub(identity("octo@example.com"), NOW);
        assertEquals("octo@example.com", user.email());
        assertTrue(user.emailVerified());

        user.updateFrom(identity("new@example.com"), true, NOW);
        assertEquals("new@example.com", user.email());
        assertTrue(user.emailVerified());

        // GitHub stops showing an address (made private, scope not granted): the account keeps it, unverified now.
        user.updateFrom(identity(null), true, NOW);
        assertEquals("new@example.com", user.email());
        assertFalse(user.emailVerified());
    }

    @Test
    void linkingKeepsTheAccountsEmailAndKeepsGitHubsBesideIt() {
        User user = User.withEmail("ada@example.com", "Ada", NOW);

        user.linkGitHub(identity("octo@example.com"), NOW);
        assertEquals("ada@example.com", user.email());
        assertEquals("octo@example.com", user.githubEmail());
        assertFalse(user.emailVerified());

        user.updateFrom(identity("octo2@example.com"), false, NOW);
        assertEquals("ada@example.com", user.email(), "a later GitHub sign-in keeps it too");

        user.unlinkGitHub(NOW);
        assertNull(user.githubEmail());
        assertFalse(user.emailVerified());
    }

    @Test
    void anAccountEmailEqualToGitHubsVerifiedAddressInAnyLetterCaseCountsAsVerified() {
        User user = User.withEmail("Ada@Example.com", "Ada", NOW);

        user.linkGitHub(identity("ada@example.COM"), NOW);

        assertEquals("Ada@Example.com", user.email());
        assertTrue(user.emailVerified());
    }

    private static GitHubIdentity identity(String email) {
        return new GitHubIdentity(77, "octo", "Octo", email, null);
    }
}
