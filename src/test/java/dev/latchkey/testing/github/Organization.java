package dev.latchkey.testing.github;

import java.time.Instant;

/**
 * An organization as GitHub identifies it: a numeric id that never changes and a login that may, when the
 * organization is renamed (this record is a snapshot: {@link GitHubOrganizations#rename} returns the new one).
 */
public record Organization(long id, String login, String avatarUrl, Instant createdAt) {

    Organization withLogin(String newLogin) {
        return new Organization(id, newLogin, avatarUrl, createdAt);
    }
}
