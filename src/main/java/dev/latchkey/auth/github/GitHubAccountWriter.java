package dev.latchkey.auth.github;

import dev.latchkey.user.User;
import dev.latchkey.user.Users;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import dev.latchkey.github.GitHubGrant;
import dev.latchkey.github.GitHubProfile;
import dev.latchkey.vault.GitHubTokens;

/**
 * Writes one GitHub sign-in in its own transaction: the user, found or created by GitHub's numeric id, and the grant.
 */
@ApplicationScoped
class GitHubAccountWriter {

    @Inject
    Users users;

    @Inject
    GitHubTokens tokens;

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    User record(GitHubProfile profile, GitHubGrant grant) {
        User user = users.upsertFromGitHub(profile.identity());
        tokens.store(user.id(), grant, profile.scopes());
        return user;
    }
}
