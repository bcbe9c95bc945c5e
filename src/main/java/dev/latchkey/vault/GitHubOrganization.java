package dev.latchkey.vault;

/**
 * An organization the user belongs to, as {@code GET /auth/github/organizations} lists it.
 */
public record GitHubOrganization(String login, long id, String avatarUrl) {
}
