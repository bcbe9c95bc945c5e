package dev.latchkey.vault;

import java.util.Arrays;
import java.util.List;

/**
 * A user's GitHub token, ready to send, and the OAuth scopes GitHub reported for it when it was stored.
 */
public record GitHubAccess(String token, List<String> scopes) {

    public GitHubAccess {
        scopes = List.copyOf(scopes);
    }

    static GitHubAccess of(String token, String storedScopes) {
        return new GitHubAccess(token, Arrays.stream(storedScopes.split("[\\s,]+")).filter(s -> !s.isEmpty()).toList());
    }

    /**
     * GitHub App user tokens ({@code ghu_}) and fine-grained personal access tokens ({@code github_pat_}) carry
     * permissions set on GitHub instead of OAuth scopes, and GitHub reports no {@code X-OAuth-Scopes} for them.
     */
    public boolean hasOAuthScopes() {
        return !token.startsWith("ghu_") && !token.startsWith("github_pat_");
    }

    /** Whether the token has the scope, itself or through a broader one; always true where scopes do not apply. */
    public boolean allows(String scope) {
        return !hasOAuthScopes() || GitHubScopes.covered(scope, scopes);
    }

    // The generated toString would print the token into any log line that mentions this record.
    @Override
    public String toString() {
        return "GitHubAccess[token=<redacted>, scopes=" + scopes + "]";
    }
}
