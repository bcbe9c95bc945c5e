package dev.latchkey.testing.github;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * An immutable GitHub account whose withers return a changed copy, which the fake serves once handed to
 * {@link FakeGitHub#signInAs}, {@link FakeGitHub#issueToken} or {@link FakeGitHub#update}.
 */
public final class GitHubUser {

    private final long id;
    private final String login;
    private final String name;
    private final List<Email> emails;
    private final String avatarUrl;
    private final Instant createdAt;

    GitHubUser(long id, String login, String name, List<Email> emails, String avatarUrl, Instant createdAt) {
        this.id = id;
        this.login = Objects.requireNonNull(login);
        this.name = name;
        this.emails = List.copyOf(emails);
        this.avatarUrl = avatarUrl;
        this.createdAt = createdAt;
    }

    /** The account renames itself: GitHub frees the old login, which another account may then take. */
    public GitHubUser withLogin(String login) {
        return new GitHubUser(id, login, name, emails, avatarUrl, createdAt);
    }

    public GitHubUser withName(String name) {
        return new GitHubUser(id, login, name, emails, avatarUrl, createdAt);
    }

    /** The primary address becomes private: {@code /user} shows {@code "email": null}, {@code /user/emails} still lists it. */
    public GitHubUser withPrivateEmail() {
        List<Email> changed = emails.stream()
                .map(e -> e.primary() ? new Email(e.email(), true, e.verified(), "private") : e)
                .toList();
        return withEmails(changed);
    }

    public GitHubUser withEmails(List<Email> emails) {
        return new GitHubUser(id, login, name, emails, avatarUrl, createdAt);
    }

    /** Every address becomes unverified, so none can be public either. */
    public GitHubUser withNoVerifiedEmail() {
        List<Email> changed = emails.stream()
                .map(e -> new Email(e.email(), e.primary(), false, e.visibility()))
                .toList();
        return withEmails(changed);
    }

    public long id() {
        return id;
    }

    public String login() {
        return login;
    }

    public String name() {
        return name;
    }

    /** The profile address {@code GET /user} shows: the primary one when it is verified and public, else null. */
    public String email() {
        return emails.stream()
                .filter(e -> e.primary() && e.verified() && "public".equals(e.visibility()))
                .map(Email::email)
                .findFirst()
                .orElse(null);
    }

    public List<Email> emails() {
        return emails;
    }

    public String avatarUrl() {
        return avatarUrl;
    }

    public Instant createdAt() {
        return createdAt;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof GitHubUser that
                && id == that.id
                && login.equals(that.login)
                && Objects.equals(name, that.name)
                && emails.equals(that.emails)
                && Objects.equals(avatarUrl, that.avatarUrl)
                && Objects.equals(createdAt, that.createdAt);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, login, name, emails, avatarUrl, createdAt);
    }

    @Override
    public String toString() {
        return "GitHubUser[id=" + id + ", login=" + login + ", name=" + name + ", emails=" + emails + "]";
    }
}
