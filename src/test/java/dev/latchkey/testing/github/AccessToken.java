package dev.latchkey.testing.github;

import java.time.Instant;
import java.util.List;

/**
 * A token GitHub issued: an OAuth token ({@code gho_}), a GitHub App user token ({@code ghu_}, which expires) or a
 * personal access token; {@code expiresAt} is null for tokens that never expire.
 */
record AccessToken(long id, String value, long userId, String clientId, List<String> scopes, Instant createdAt,
                   Instant expiresAt) {

    boolean isIssuedTo(String candidateClientId) {
        return clientId != null && clientId.equals(candidateClientId);
    }

    boolean liveAt(Instant now) {
        return expiresAt == null || now.isBefore(expiresAt);
    }

    boolean hasAnyScope(String... wanted) {
        return List.of(wanted).stream().anyMatch(scopes::contains);
    }

    /** GitHub App user tokens and fine-grained PATs have permissions, not OAuth scopes: GitHub reports none. */
    boolean hasOAuthScopes() {
        return !value.startsWith("ghu_") && !value.startsWith("github_pat_");
    }

    /** The X-OAuth-Scopes header value: GitHub joins with a comma and a space. */
    String scopeHeader() {
        return String.join(", ", scopes);
    }
}
