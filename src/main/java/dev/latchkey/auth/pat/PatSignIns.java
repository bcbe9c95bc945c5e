package dev.latchkey.auth.pat;

import dev.latchkey.auth.github.GitHubAccounts;
import dev.latchkey.auth.github.GitHubClient;
import dev.latchkey.auth.github.GitHubProfile;
import dev.latchkey.auth.github.GitHubRefusedException;
import dev.latchkey.auth.github.GitHubUnavailableException;
import dev.latchkey.auth.session.ClientDevice;
import dev.latchkey.auth.session.SignInSessions;
import dev.latchkey.user.Admissions;
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
 *   (1) check the token's shape, before GitHub sees it   (2) GET /user (and /user/emails)  ──▶ GitHub
 *   (3) require an email address                         (4) refuse a banned user
 *   (5) record user, encrypted token and its scopes      (6) start a new session
 * </pre>
 */
@ApplicationScoped
class PatSignIns {

    private static final Logger LOG = Logger.getLogger(PatSignIns.class.getName());

    @Inject
    GitHubClient github;

    @Inject
    GitHubAccounts accounts;

    @Inject
    SignInSessions sessions;

    @Inject
    Users users;

    @Inject
    Admissions admissions;

    SignInSessions.IssuedSession signIn(String token, ClientDevice device) {
        // (1) Anything else is refused here, so no arbitrary string is ever sent to GitHub.
        if (!PatShape.accepts(token)) {
            throw PatSignInFailure.malformedToken();
        }
        // (2) GitHub says whose token it is, and which scopes it has.
        GitHubProfile profile = fetchProfile(token);
        // (3) The profile's address, else the primary verified one, else any verified one.
        String email = profile.identity().email();
        if (email == null || email.isBlank()) {
            throw PatSignInFailure.noEmail();
        }
        // (4) A banned user is refused before their token is stored.
        users.findByGitHubId(profile.identity().githubId()).ifPresent(known -> admissions.refuseIfBanned(known, "pat"));
        // (5) Keyed by GitHub's numeric id: the same user as a GitHub sign-in, even when first sign-ins race.
        User user = accounts.record(profile, token);
        // (6) A new session every time: no fixation.
        return sessions.begin(user.id(), device, "pat");
    }

    private GitHubProfile fetchProfile(String token) {
        try {
            return github.fetchProfile(token);
        } catch (GitHubUnavailableException e) {
            LOG.warning(() -> "GitHub did not answer a personal access token check: " + e.getMessage());
            throw PatSignInFailure.unavailable();
        } catch (GitHubRefusedException | ClassCastException | NullPointerException | ArithmeticException e) {
            // Revoked, unknown, rate-limited or answered with something unreadable: the token cannot be used.
            LOG.info(() -> "GitHub refused a personal access token: " + e.getMessage());
            throw PatSignInFailure.invalidToken();
        }
    }
}
