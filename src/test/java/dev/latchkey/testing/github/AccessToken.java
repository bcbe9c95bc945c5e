package dev.latchkey.testing.github;

import java.time.Instant;
import java.util.List;

/** A live token: an OAuth token of one app ({@code gho_}) or a classic personal access token ({@code ghp_}). */
record AccessToken(long id, String value, long userId, String clientId, List<String> scopes, Instant createdAt) {

    boolean isIssuedTo(String candidateClientId) {
        return clientId != null && clientId.equals(candidateClientId);
    }

    boolean hasAnyScope(String... wanted) {
        return List.of(wanted).stream().anyMatch(scopes::contains);
    }

    /** The X-OAuth-Scopes header value: GitHub joins with a comma and a space. */
    String scopeHeader() {
        return String.join(", ", scopes);
    }
}
