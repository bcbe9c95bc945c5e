package dev.latchkey.user;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;

/**
 * A person who signs in to Latchkey, keyed by Latchkey's own id and, when linked, GitHub's numeric id.
 */
@Entity
@Table(name = "users")
public class User {

    public static final String ROLE_USER = "user";
    public static final String ROLE_ADMIN = "admin";

    @Id
    @SequenceGenerator(name = "users_seq", sequenceName = "users_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "users_seq")
    private Long id;

    @Column(name = "github_id")
    private Long githubId;

    @Column(name = "github_login")
    private String githubLogin;

    private String name;

    private String email;

    // The address GitHub verified for the linked account, kept apart so that linking never changes the account's own.
    @Column(name = "github_email")
    private String githubEmail;

    @Column(name = "avatar_url")
    private String avatarUrl;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(nullable = false)
    private String role = ROLE_USER;

    @Embedded
    private UserBan ban;

    protected User() {
    }

    public static User fromGitHub(GitHubIdentity identity, Instant now) {
        User user = new User();
        user.githubId = identity.githubId();
        user.createdAt = now;
        user.updateFrom(identity, true, now);
        return user;
    }

    /** A user who registered with an email and password, without GitHub. */
    public static User withEmail(String email, String name, Instant now) {
        User user = new User();
        user.email = email;
        user.name = name;
        user.createdAt = now;
        user.updatedAt = now;
        return user;
    }

    /**
     * Takes what GitHub now says of the linked account. The account's email follows GitHub's only when
     * {@code emailFollowsGitHub} (an account made by GitHub sign-in); an account registered with an email keeps it.
     */
    public void updateFrom(GitHubIdentity identity, boolean emailFollowsGitHub, Instant now) {
        githubLogin = identity.login();
        // A name or email GitHub no longer shows (made private, scope not granted) keeps the one already known.
        name = identity.name() != null ? identity.name() : name;
        if (emailFollowsGitHub && identity.email() != null) {
            email = identity.email();
        }
        // Only what GitHub reports now counts as verified: an address it stopped reporting may have left the account.
        githubEmail = identity.email();
        avatarUrl = identity.avatarUrl();
        updatedAt = now;
    }

    /** The GitHub identity joins this account, which keeps its own email; GitHub's address is kept beside it. */
    public void linkGitHub(GitHubIdentity identity, Instant now) {
        githubId = identity.githubId();
        updateFrom(identity, false, now);
    }

    public void unlinkGitHub(Instant now) {
        githubId = null;
        githubLogin = null;
        githubEmail = null;
        avatarUrl = null;
        updatedAt = now;
    }

    public void changeRole(String newRole, Instant now) {
        role = newRole;
        updatedAt = now;
    }

    public void ban(String reason, Instant expiresAt, long bannedBy, Instant now) {
        ban = new UserBan(now, reason, expiresAt, bannedBy);
        updatedAt = now;
    }

    public void unban(Instant now) {
        ban = null;
        updatedAt = now;
    }

    /** A copy for one reader, so a row kept between requests is never shared by two of them. */
    public User copy() {
        User copy = new User();
        copy.id = id;
        copy.githubId = githubId;
        copy.githubLogin = githubLogin;
        copy.name = name;
        copy.email = email;
        copy.githubEmail = githubEmail;
        copy.avatarUrl = avatarUrl;
        copy.createdAt = createdAt;
        copy.updatedAt = updatedAt;
        copy.role = role;
        copy.ban = ban;
        return copy;
    }

    public String role() {
        return role;
    }

    public boolean admin() {
        return ROLE_ADMIN.equals(role);
    }

    /** The ban in force at {@code now}, if any. */
    public Optional<UserBan> banAt(Instant now) {
        return Optional.ofNullable(ban).filter(current -> current.activeAt(now));
    }

    public boolean hasGitHub() {
        return githubId != null;
    }

    public Long id() {
        return id;
    }

    public Long githubId() {
        return githubId;
    }

    public String githubLogin() {
        return githubLogin;
    }

    public String name() {
        return name;
    }

    public String email() {
        return email;
    }

    /** The address GitHub verified for the linked account at its latest GitHub sign-in, else null. */
    public String githubEmail() {
        return githubEmail;
    }

    /**
     * Whether the account's email is one GitHub verified: its GitHub address, compared case-insensitively (a password
     * registration proves nothing about the address).
     */
    public boolean emailVerified() {
        return email != null && githubEmail != null && email.trim().equalsIgnoreCase(githubEmail.trim());
    }

    public String avatarUrl() {
        return avatarUrl;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
