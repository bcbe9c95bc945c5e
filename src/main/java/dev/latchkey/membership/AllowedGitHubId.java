package dev.latchkey.membership;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * GitHub's numeric ids for one allowed entry ({@code acme}, or {@code acme/core} with its team id), kept once resolved.
 */
@Entity
@Table(name = "github_allowed_ids")
public class AllowedGitHubId {

    @Id
    private String entry;

    @Column(name = "organization_id", nullable = false)
    private long organizationId;

    @Column(name = "team_id")
    private Long teamId;

    @Column(name = "resolved_at", nullable = false)
    private Instant resolvedAt;

    protected AllowedGitHubId() {
    }

    AllowedGitHubId(String entry, long organizationId, Long teamId, Instant resolvedAt) {
        this.entry = entry;
        this.organizationId = organizationId;
        this.teamId = teamId;
        this.resolvedAt = resolvedAt;
    }

    String entry() {
        return entry;
    }

    long organizationId() {
        return organizationId;
    }

    Long teamId() {
        return teamId;
    }
}
