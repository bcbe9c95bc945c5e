package dev.latchkey.testing.github;

import java.time.Instant;

/**
 * A team of an organization: a numeric id that never changes, and a name and slug that change when the team is
 * renamed (this record is a snapshot: {@link GitHubTeams#rename} returns the new one).
 */
public record Team(long id, long organizationId, String slug, String name, Instant createdAt) {

    Team withName(String newName) {
        return new Team(id, organizationId, OrgDirectory.slug(newName), newName, createdAt);
    }
}
