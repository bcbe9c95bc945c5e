package dev.latchkey.auth.github;

import dev.latchkey.user.User;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import dev.latchkey.github.GitHubGrant;
import dev.latchkey.github.GitHubProfile;

/**
 * Records a GitHub sign-in so that simultaneous first sign-ins of one account still make one user.
 */
@ApplicationScoped
public class GitHubAccounts {

    private static final int ATTEMPTS = 3;

    @Inject
    GitHubAccountWriter writer;

    /** Records a sign-in with a token that never expires (an OAuth App token or a personal access token). */
    public User record(GitHubProfile profile, String token) {
        return record(profile, GitHubGrant.nonExpiring(token));
    }

    /** Records a sign-in with the whole grant: the token and, from a GitHub App, its expiry and refresh token. */
    public User record(GitHubProfile profile, GitHubGrant grant) {
        RuntimeException last = null;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            try {
                return writer.record(profile, grant);
            } catch (RuntimeException lostInsertRace) {
                // A simultaneous first sign-in inserted the row: the next attempt finds and updates it.
                last = lostInsertRace;
            }
        }
        throw last;
    }
}
