package dev.latchkey.vault;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class GitHubScopesTest {

    @Test
    void aScopeIsCoveredWhenGrantedOrImpliedByABroaderOne() {
        assertTrue(GitHubScopes.covered("read:org", List.of("read:org")));
        assertTrue(GitHubScopes.covered("read:org", List.of("admin:org")));
        assertTrue(GitHubScopes.covered("user:email", List.of("user")));
        assertTrue(GitHubScopes.covered("public_repo", List.of("repo")));
    }

    @Test
    void aNarrowerScopeDoesNotCoverABroaderOne() {
        assertFalse(GitHubScopes.covered("repo", List.of("public_repo")));
        assertFalse(GitHubScopes.covered("admin:org", List.of("read:org")));
        assertFalse(GitHubScopes.covered("read:org", List.of()));
    }
}
