package dev.latchkey.user;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A login listed in {@code ADMIN_GITHUB_LOGINS}, bound to the numeric id of the first GitHub account that presented it.
 */
@Entity
@Table(name = "admin_github_logins")
public class AdminGitHubLogin {

    @Id
    @Column(name = "github_login")
    private String login;

    @Column(name = "github_id", nullable = false)
    private long githubId;

    @Column(name = "bound_at", nullable = false)
    private Instant boundAt;

    protected AdminGitHubLogin() {
    }

    AdminGitHubLogin(String login, long githubId, Instant boundAt) {
        this.login = login;
        this.githubId = githubId;
        this.boundAt = boundAt;
    }

    long githubId() {
        return githubId;
    }
}
