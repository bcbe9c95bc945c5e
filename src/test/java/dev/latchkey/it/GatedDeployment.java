package dev.latchkey.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.latchkey.testing.github.FakeGitHub;
import dev.latchkey.testing.github.GitHubUser;
import dev.latchkey.testing.github.Organization;
import dev.latchkey.testing.github.Team;
import java.net.URL;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The organization-gated configuration the membership scenarios share, so they share one server: allowed
 * organizations (one unknown to GitHub, one to be renamed, one enforcing SSO, one restricting OAuth Apps), an allowed
 * team, an admin team, a configured admin (by GitHub id), a membership check on every request, open registration, a
 * webhook secret, and a host application's routes that require GitHub teams ({@link HostAppTeamRoutes}).
 */
final class GatedDeployment {

    static final String RUN = Long.toString(System.nanoTime(), 36);
    static final String ACME = "gate-acme-" + RUN;
    /** A second allowed organization, for members of two. */
    static final String BETA = "gate-beta-" + RUN;
    static final String RENAMED = "gate-renamed-" + RUN;
    static final String SSO = "gate-sso-" + RUN;
    static final String SSO_ELSEWHERE = "gate-sso-elsewhere-" + RUN;
    static final String RESTRICTED = "gate-restricted-" + RUN;
    /** The organization of the allowed team {@code TEAMS/core}. */
    static final String TEAMS = "gate-teams-" + RUN;
    static final String NOWHERE = "gate-nowhere-" + RUN;
    /** The organization of the admin team {@code ADMINS/admins}. */
    static final String ADMINS = "gate-admins-" + RUN;
    /** The GitHub id ADMIN_GITHUB_IDS names: outside the range of the stub's random ids, so no other user has it. */
    static final long ROOT_GITHUB_ID = 1_000_000_000L + System.nanoTime() % 1_000_000_000L;

    /** How long a story waits for a background membership check. */
    static final Duration PATIENCE = Duration.ofSeconds(15);

    private static GitHubUser root;

    private GatedDeployment() {
    }

    /** The stub's account with {@link #ROOT_GITHUB_ID}, a member of {@link #ACME}, made on first use. */
    static synchronized GitHubUser root() {
        if (root == null) {
            root = LatchkeyDeployment.github().createUser("gate-root-" + RUN, ROOT_GITHUB_ID);
            LatchkeyDeployment.github().joinOrganization(root, ACME);
        }
        return root;
    }

    static WebArchive deployment() {
        // Before any sign-in asks: an allowed login GitHub does not know yet is kept as unknown, and admits nobody.
        for (String organization : List.of(ACME, BETA, RENAMED, SSO, SSO_ELSEWHERE, RESTRICTED, TEAMS, ADMINS,
                HostAppTeamRoutes.ORGANIZATION)) {
            existing(LatchkeyDeployment.github(), organization);
        }
        return LatchkeyDeployment.withSettings(Map.of(
                "GITHUB_SCOPES", "read:user user:email",
                // Closed by default under an allow-list; reopened here so a password account can try to link.
                "REGISTRATION", "open",
                "GITHUB_ALLOWED_ORGS", String.join(",", NOWHERE, ACME, BETA, RENAMED, SSO, RESTRICTED, SSO_ELSEWHERE),
                "GITHUB_ALLOWED_TEAMS", TEAMS + "/core",
                "GITHUB_ADMIN_TEAMS", ADMINS + "/admins",
                // Every request of a session finds its check due, so re-checks need no waiting.
                "MEMBERSHIP_CHECK_MINUTES", "0",
                "GITHUB_WEBHOOK_SECRET", LatchkeyDeployment.WEBHOOK_SECRET,
                "BCRYPT_COST", "4",
                "ADMIN_GITHUB_IDS", Long.toString(ROOT_GITHUB_ID)))
                .addClass(HostAppTeamRoutes.class);
    }

    /**
     * The configured team ({@code TEAMS/core}, {@code ADMINS/admins}) on the stub, created by whichever class asks
     * first: the gated classes share one stub and may run in any order.
     */
    static synchronized Team team(FakeGitHub github, String organization, String slug) {
        Organization org = existing(github, organization);
        return github.teams().find(org, slug).orElseGet(() -> github.teams().create(org, slug));
    }

    private static synchronized Organization existing(FakeGitHub github, String organization) {
        return github.organizations().find(organization).orElseGet(() -> github.organizations().create(organization));
    }

    /** A browser signed in to the gated server with a personal access token of {@code user} that can read orgs. */
    static Browser signedInWithToken(URL url, GitHubUser user) throws Exception {
        Browser browser = new Browser(url.toURI());
        String token = LatchkeyDeployment.github().issueTokenWithPrefix(user, "ghp_", "read:org", "user:email");
        HttpResponse<String> signedIn = browser.post("/auth/pat-signin", "{\"token\":\"" + token + "\"}");
        assertEquals(200, signedIn.statusCode(), signedIn.body());
        return browser;
    }

    /** The answer once it has the status; membership checks run in the background, so allow them a moment. */
    static HttpResponse<String> awaitStatus(Browser browser, String path, int status) throws Exception {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (true) {
            HttpResponse<String> answer = browser.get(path);
            if (answer.statusCode() == status || System.nanoTime() > deadline) {
                return answer;
            }
            Thread.sleep(200);
        }
    }

    /** Latchkey's id of the user signed in with this GitHub account. */
    static long userId(GitHubUser user) throws Exception {
        return ((Number) TestDatabase.value("SELECT id FROM users WHERE github_id = ?", user.id())).longValue();
    }
}
