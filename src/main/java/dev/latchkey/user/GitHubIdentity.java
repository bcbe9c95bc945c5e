package dev.latchkey.user;

/**
 * Who a person is on GitHub, as GitHub's {@code /user} answered.
 */
public record GitHubIdentity(long githubId, String login, String name, String email, String avatarUrl) {
}
