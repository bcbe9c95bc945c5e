package dev.latchkey.user;

import static dev.latchkey.user.GitHubDescription.JUST_DESCRIBED_BY_GITHUB;
import static dev.latchkey.user.GitHubDescription.STORED_ONLY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Who configuration makes admin: listed GitHub ids, listed logins bound to their first account, and only
 * addresses GitHub verified.
 */
class ConfiguredAdminsTest {

    private static final GitHubDescription FRESH = JUST_DESCRIBED_BY_GITHUB;
    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    private final ConfiguredAdmins configured =
            new ConfiguredAdmins(" 42 ,7", "Root, someone-else", "Boss@Corp.example");
    /** The bindings of the database: login to the GitHub id that first presented it. */
    private final Map<String, Long> bound = new HashMap<>();
    private final ConfiguredAdmins.LoginHolders holders = new ConfiguredAdmins.LoginHolders() {
        @Override
        public long holderOf(String login, long githubId) {
            return bound.computeIfAbsent(login, unbound -> githubId);
        }

        @Override
        public Optional<Long> boundHolder(String login) {
            return Optional.ofNullable(bound.get(login));
        }
    };
    private final List<String> warnings = new ArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            warnings.add(record.getMessage());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void listen() {
        Logger.getLogger(ConfiguredAdmins.class.getName()).addHandler(capture);
    }

    @AfterEach
    void stopListening() {
        Logger.getLogger(ConfiguredAdmins.class.getName()).removeHandler(capture);
    }

    @Test
    void aPasswordRegistrationOfAListedEmailNeverPromotesInAnyLetterCase() {
        for (String email : new String[] {"boss@corp.example", "Boss@Corp.example", "BOSS@CORP.EXAMPLE",
                " boss@corp.example "}) {
            assertEquals(Optional.empty(), fresh(User.withEmail(email, null, NOW), holders), email);
        }
    }

    @Test
    void anAddressGitHubVerifiedPromotesWhateverItsLetterCase() {
        assertEquals(Optional.of("ADMIN_EMAILS"),
                fresh(gitHubUser(5, "boss", "BOSS@corp.EXAMPLE"), holders));
        assertEquals(Optional.empty(), fresh(gitHubUser(6, "nobody", "nobody@corp.example"), holders));
        assertEquals(Optional.empty(), fresh(gitHubUser(8, "private", null), holders));
    }

    @Test
    void aLinkedPasswordAccountIsPromotedByItsGitHubAddressOnly() {
        User linkedElsewhere = User.withEmail("boss@corp.example", null, NOW);
        linkedElsewhere.linkGitHub(new GitHubIdentity(9, "boss9", null, "boss9@other.example", null), NOW);
        assertEquals(Optional.empty(), fresh(linkedElsewhere, holders));

        User linkedSame = User.withEmail("boss@corp.example", null, NOW);
        linkedSame.linkGitHub(new GitHubIdentity(10, "boss10", null, "Boss@Corp.example", null), NOW);
        assertEquals(Optional.of("ADMIN_EMAILS"), fresh(linkedSame, holders));
    }

    @Test
    void aListedLoginBelongsToTheFirstGitHubAccountThatPresentsIt() {
        assertEquals(Optional.of("ADMIN_GITHUB_LOGINS"), fresh(gitHubUser(100, "ROOT", null), holders));
        assertEquals(Map.of("root", 100L), bound);
        assertEquals(Optional.of("ADMIN_GITHUB_LOGINS"), fresh(gitHubUser(100, "root", null), holders));
        assertTrue(warnings.isEmpty(), warnings.toString());

        // The login was given up on GitHub and taken by another account: not an admin, and the operator is told.
        assertEquals(Optional.empty(), fresh(gitHubUser(200, "Root", null), holders));
        assertEquals(Map.of("root", 100L), bound, "the binding stays");
        assertEquals(1, warnings.size());
        assertTrue(warnings.get(0).contains("ADMIN_GITHUB_LOGINS lists root"), warnings.get(0));
        assertTrue(warnings.get(0).contains("100") && warnings.get(0).contains("200"), warnings.get(0));
    }

    @Test
    void aListedGitHubIdPromotesWhateverItsLoginAndStillLetsItBindAListedLogin() {
        assertEquals(Optional.of("ADMIN_GITHUB_IDS"),
                fresh(gitHubUser(42, "renamed-often", null), holders));
        assertEquals(Optional.of("ADMIN_GITHUB_IDS"), fresh(gitHubUser(7, "someone-else", null), holders));
        assertEquals(Map.of("someone-else", 7L), bound);
        assertEquals(Optional.empty(), fresh(gitHubUser(43, "someone", null), holders));
    }

    @Test
    void aUserWithoutGitHubIsNeverAskedAbout() {
        for (GitHubDescription description : GitHubDescription.values()) {
            assertEquals(Optional.empty(), configured.setting(User.withEmail("root@example.com", "root", NOW),
                    description, untouchable()), description.name());
        }
        assertFalse(new ConfiguredAdmins(null, null, null).setting(gitHubUser(1, "a", "a@b.example"), FRESH, holders)
                .isPresent());
    }

    @Test
    void malformedGitHubIdsStopTheDeploymentNamingTheKey() {
        for (String ids : new String[] {"octocat", "12,x", "-5", "0", "1.5"}) {
            IllegalStateException refused =
                    assertThrows(IllegalStateException.class, () -> new ConfiguredAdmins(ids, null, null), ids);
            assertTrue(refused.getMessage().startsWith("ADMIN_GITHUB_IDS must list GitHub's numeric user ids"),
                    refused.getMessage());
        }
        new ConfiguredAdmins(" , 1 ,", null, null);
    }

    @Test
    void withoutGitHubAskedAStoredLoginNeverBindsAndAStoredAddressNeverPromotes() {
        // A password sign-in of an account whose last GitHub sign-in showed a listed, unbound login and address.
        User stale = User.withEmail("mallory@example.com", null, NOW);
        stale.linkGitHub(new GitHubIdentity(505, "Root", null, "boss@corp.example", null), NOW);
        assertEquals(Optional.empty(), configured.setting(stale, STORED_ONLY, holders));
        assertEquals(Map.of(), bound, "nothing bound");

        // The login's real holder, described by GitHub, binds it; the stale account still is nothing.
        assertEquals(Optional.of("ADMIN_GITHUB_LOGINS"), fresh(gitHubUser(404, "root", null), holders));
        assertEquals(Optional.empty(), configured.setting(stale, STORED_ONLY, holders));
        assertEquals(Map.of("root", 404L), bound);
        assertTrue(warnings.isEmpty(), "no warning for a stale login: " + warnings);
    }

    @Test
    void withoutGitHubAskedAListedIdAndALoginAlreadyBoundToTheSameIdStillPromote() {
        assertEquals(Optional.of("ADMIN_GITHUB_IDS"),
                configured.setting(gitHubUser(42, "root", "boss@corp.example"), STORED_ONLY, holders));
        assertEquals(Map.of(), bound, "an id does not bind a stored login either");

        bound.put("root", 100L);
        assertEquals(Optional.of("ADMIN_GITHUB_LOGINS"),
                configured.setting(gitHubUser(100, "ROOT", null), STORED_ONLY, holders));
        assertEquals(Optional.empty(), configured.setting(gitHubUser(200, "root", null), STORED_ONLY, holders));
        assertEquals(Optional.empty(), configured.setting(gitHubUser(100, "unlisted", null), STORED_ONLY, holders));
        assertEquals(Map.of("root", 100L), bound);
    }

    private Optional<String> fresh(User user, ConfiguredAdmins.LoginHolders loginHolders) {
        return configured.setting(user, FRESH, loginHolders);
    }

    private static ConfiguredAdmins.LoginHolders untouchable() {
        return new ConfiguredAdmins.LoginHolders() {
            @Override
            public long holderOf(String login, long githubId) {
                throw new AssertionError("no binding for a user without GitHub");
            }

            @Override
            public Optional<Long> boundHolder(String login) {
                throw new AssertionError("no binding for a user without GitHub");
            }
        };
    }

    private static User gitHubUser(long githubId, String login, String verifiedEmail) {
        return User.fromGitHub(new GitHubIdentity(githubId, login, null, verifiedEmail, null), NOW);
    }
}
