package dev.latchkey.vault;

import dev.latchkey.web.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import dev.latchkey.github.GitHubClient;
import dev.latchkey.github.GitHubSettings;
import dev.latchkey.github.GitHubRefusedException;
import dev.latchkey.github.GitHubUnavailableException;

/**
 * Compares the scopes GitHub reports for the stored token with the ones Latchkey asks for.
 */
@ApplicationScoped
public class GitHubScopes {

    /** Scopes that include others, as GitHub documents them. */
    private static final Map<String, Set<String>> IMPLIED = Map.of(
            "repo", Set.of("repo:status", "repo_deployment", "public_repo", "repo:invite", "security_events"),
            "user", Set.of("read:user", "user:email", "user:follow"),
            "admin:org", Set.of("write:org", "read:org"),
            "write:org", Set.of("read:org"));

    @Inject
    GitHubSettings settings;

    @Inject
    GitHubTokens tokens;

    @Inject
    GitHubClient github;

    /** The answer of {@code GET /auth/github/scopes}. */
    public record Report(List<String> granted, List<String> required, List<String> missing) {
    }

    /**
     * Asks GitHub what the stored token has. Tokens without OAuth scopes (GitHub App user tokens, fine-grained
     * PATs) report none, and none is required of them: their permissions are set on GitHub.
     */
    public Report report(long userId) {
        try {
            return tokens.callWith(userId, access -> report(access, github.fetchScopes(access.token())));
        } catch (GitHubRefusedException e) {
            if (e.serverError()) {
                throw new ApiException(502, "Failed to fetch GitHub scopes");
            }
            throw new GitHubAuthorizationExpiredException();
        } catch (GitHubUnavailableException e) {
            throw new GitHubNotAnsweringException();
        }
    }

    private Report report(GitHubAccess access, List<String> granted) {
        if (!access.hasOAuthScopes()) {
            return new Report(granted, List.of(), List.of());
        }
        List<String> required = Arrays.stream(settings.scopes().split("[ ,]+")).filter(s -> !s.isEmpty()).toList();
        List<String> missing = required.stream().filter(scope -> !covered(scope, granted)).toList();
        return new Report(granted, required, missing);
    }

    static boolean covered(String scope, List<String> granted) {
        return granted.contains(scope)
                || granted.stream().anyMatch(g -> IMPLIED.getOrDefault(g, Set.of()).contains(scope));
    }
}
