package dev.latchkey.testing.github;

/** An organization a user belongs to, as {@code GET /user/orgs} lists it. */
public record Organization(long id, String login, String avatarUrl) {
}
