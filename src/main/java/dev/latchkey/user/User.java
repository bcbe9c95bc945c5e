package dev.latchkey.user;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A person who signs in to Latchkey, keyed by Latchkey's own id and, when linked, GitHub's numeric id.
 */
@Entity
@Table(name = "users")
public class User {

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

    @Column(name = "avatar_url")
    private String avatarUrl;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected User() {
    }

    public static User fromGitHub(GitHubIdentity identity, Instant now) {
        User user = new User();
        user.githubId = identity.githubId();
        user.createdAt = now;
        user.updateFrom(identity, now);
        return user;
    }

    public void updateFrom(GitHubIdentity identity, Instant now) {
        githubLogin = identity.login();
        name = identity.name();
        email = identity.email();
        avatarUrl = identity.avatarUrl();
        updatedAt = now;
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

    public String avatarUrl() {
        return avatarUrl;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
