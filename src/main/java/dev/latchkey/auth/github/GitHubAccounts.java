package dev.latchkey.auth.github;

import dev.latchkey.user.User;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Records a GitHub sign-in so that simultaneous first sign-ins of one account still make one user.
 */
@ApplicationScoped
public class GitHubAccounts {

    private static final int ATTEMPTS = 3;

    @Inject
    GitHubAccountWriter writer;

    public User record(GitHubProfile profile, String token) {
        RuntimeException last = null;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            try {
                return writer.record(profile, token);
            } catch (RuntimeException lostInsertRace) {
                // A simultaneous first sign-in inserted the row: the next attempt finds and updates it.
                last = lostInsertRace;
            }
        }
        throw last;
    }
}
