package dev.latchkey.auth.pat;

import dev.latchkey.auth.github.GitHubAccounts;
import dev.latchkey.github.GitHubClient;
import dev.latchkey.github.GitHubProfile;
import dev.latchkey.github.GitHubRefusedException;
import dev.latchkey.github.GitHubSettings;
import dev.latchkey.github.GitHubUnavailableException;
import dev.latchkey.membership.Admission;
import dev.latchkey.membership.OrganizationGate;
import dev.latchkey.auth.session.ClientDevice;
import dev.latchkey.auth.session.SignInSessions;
import dev.latchkey.user.Admissions;
import dev.latchkey.user.GitHubDescription;
import dev.latchkey.user.User;
import dev.latchkey.user.Users;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.logging.Logger;

/**
 * Signs a person in with a GitHub personal access token, ending like a GitHub sign-in: same user, new session.
 *
 * <pre>
 * client ── POST /auth/pat-signin {"token"} ──▶ Latchkey
 *   (1) check the token's shape, before GitHub sees it
 *   (2) gho_/ghu_ only if issued to Latchkey's app: POST /applications/{client_id}/token  ──▶ GitHub
 *   (3) GET /user (and /user/emails)  ──▶ GitHub               (4) require an email address
 *   (5) refuse a banned user   (5b) refuse a non-member of the allowed orgs/teams  ──▶ GitHub
 *   (6) record user, encrypted token and its scopes      (7) start a new session
 * </pre>
 */
@ApplicationScoped
class PatSignIns {

    private static final Logger LOG = Logger.getLogger(PatSignIns.class.getName());

    @Inject
    GitHubClient github;

    @Inject
    GitHubSettings settings;

    @Inject
    GitHubAccounts accounts;

    @Inject
    SignInSessions sessions;

    @Inject
    Users users;

    @Inject
    Admissions admissions;

    @Inject
    OrganizationGate gate;

    SignInSessions.IssuedSession signIn(String token, ClientDevice device) {
        // (1) Anything else is refused here, so no arbitrary string is ever sent to GitHub.
        if (!PatShape.accepts(token)) {
            throw PatSignInFailure.malformedToken();
        }
        // (2) Another app's token for the user (a leaked integration's, say) must not become their session, nor
        // replace the grant Latchkey stores for them: GitHub says whose app it was issued to, before /user is asked.
        if (PatShape.issuedToAnApp(token)) {
            requireIssuedToLatchkey(token);
        }
        // (3) GitHub says whose token it is, and which scopes it has.
        GitHubProfile profile = fetchProfile(token);
        // (4) The profile's address, else the primary verified one, else any verified one.
        String email = profile.identity().email();
        if (email == null || email.isBlank()) {
            throw PatSignInFailure.noEmail();
        }
        // (5) A banned user is refused before their token is stored.
        users.findByGitHubId(profile.identity().githubId()).ifPresent(known -> admissions.refuseIfBanned(known, "pat"));
        // (5b) Only members of an allowed organization or team, asked with this very token.
        Admission admission = gate.admit(profile.identity(), token, "pat");
        // (6) Keyed by GitHub's numeric id: the same user as a GitHub sign-in, even when first sign-ins race.
        User user = accounts.record(profile, token);
        gate.admitted(user.id(), admission, "pat");
        // (7) A new session every time: no fixation.
        return sessions.begin(user.id(), device, "pat", GitHubDescription.JUST_DESCRIBED_BY_GITHUB);
    }

    private void requireIssuedToLatchkey(String token) {
        // Only the app's own id and secret can ask GitHub; without them no such token can be trusted.
        if (!settings.configured()) {
            throw PatSignInFailure.appTokenUncheckable();
        }
        boolean ours;
        try {
            ours = github.issuedToThisApp(token);
        } catch (GitHubUnavailableException e) {
            LOG.warning(() -> "GitHub did not answer a token check: " + e.getMessage());
            throw PatSignInFailure.unavailable();
        } catch (GitHubRefusedException | ClassCastException e) {
            // A 5xx, or GitHub refusing Latchkey itself (a wrong client secret): nothing the client can fix.
            LOG.warning(() -> "GitHub could not check a token: " + e.getMessage());
            throw PatSignInFailure.checkFailed();
        }
        if (!ours) {
            LOG.info("Refused a gho_/ghu_ token that GitHub does not know as issued to this app");
            throw PatSignInFailure.anotherApplication();
        }
    }

    private GitHubProfile fetchProfile(String token) {
        try {
            return github.fetchProfile(token);
        } catch (GitHubUnavailableException e) {
            LOG.warning(() -> "GitHub did not answer a personal access token check: " + e.getMessage());
            throw PatSignInFailure.unavailable();
        } catch (GitHubRefusedException e) {
            if (e.serverError()) {
                LOG.warning(() -> "GitHub failed to describe a token's user: " + e.getMessage());
                throw PatSignInFailure.userFetchFailed();
            }
            LOG.info(() -> "GitHub refused a personal access token: " + e.getMessage());
            throw PatSignInFailure.invalidToken();
        } catch (ClassCastException | NullPointerException | ArithmeticException e) {
            // Answered with something unreadable: the token cannot be used.
            LOG.info(() -> "GitHub described a token's user in an unexpected form: " + e.getClass().getSimpleName());
            throw PatSignInFailure.invalidToken();
        }
    }
}
