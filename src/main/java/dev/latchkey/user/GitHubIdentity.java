package dev.latchkey.user;

/**
 * Who a person is on GitHub, as GitHub's {@code /user} answered; {@code email} is an address GitHub verified (the
 * profile's, which GitHub lets a user pick only among verified ones, else a verified one from {@code /user/emails}).
 */
public record GitHubIdentity(long githubId, String login, String name, String email, String avatarUrl) {
}
