package dev.latchkey.testing.github;

import java.util.Map;

/**
 * GitHub's OAuth scope hierarchy: a broader scope grants what the narrower ones under it do ({@code admin:org}
 * includes {@code write:org}, which includes {@code read:org}; {@code user} includes {@code read:user}...).
 */
final class Scopes {

    private static final Map<String, String> PARENTS = Map.of(
            "read:org", "write:org",
            "write:org", "admin:org",
            "read:user", "user",
            "user:email", "user",
            "user:follow", "user",
            "public_repo", "repo",
            "repo:status", "repo",
            "repo_deployment", "repo",
            "repo:invite", "repo",
            "security_events", "repo");

    private Scopes() {
    }

    /**
     * True when the token has one of these scopes or a broader one, or has no OAuth scopes at all (GitHub App user
     * tokens and fine-grained PATs, which GitHub judges by their permissions instead).
     */
    static boolean allow(AccessToken token, String... anyOf) {
        if (!token.hasOAuthScopes()) {
            return true;
        }
        for (String wanted : anyOf) {
            for (String scope = wanted; scope != null; scope = PARENTS.get(scope)) {
                if (token.scopes().contains(scope)) {
                    return true;
                }
            }
        }
        return false;
    }
}
