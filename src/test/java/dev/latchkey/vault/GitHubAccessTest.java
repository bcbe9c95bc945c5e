package dev.latchkey.vault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class GitHubAccessTest {

    @Test
    void storedScopesAreReadFromTheirSpaceSeparatedForm() {
        assertEquals(List.of("repo", "read:org"), GitHubAccess.of("gho_a", "repo read:org").scopes());
        assertEquals(List.of(), GitHubAccess.of("gho_a", "").scopes());
    }

    @Test
    void anOAuthTokenAllowsOnlyScopesItHasOrImplies() {
        assertTrue(GitHubAccess.of("gho_a", "read:org").allows("read:org"));
        assertTrue(GitHubAccess.of("ghp_a", "admin:org").allows("read:org"));
        assertFalse(GitHubAccess.of("gho_a", "repo read:user").allows("read:org"));
        assertFalse(GitHubAccess.of("ghp_a", "").allows("read:org"));
    }

    @Test
    void tokensWithoutOAuthScopesAreLeftToGitHubsPermissions() {
        assertTrue(GitHubAccess.of("ghu_a", "").allows("read:org"));
        assertTrue(GitHubAccess.of("github_pat_a", "").allows("read:org"));
        assertFalse(GitHubAccess.of("ghu_a", "").hasOAuthScopes());
        assertTrue(GitHubAccess.of("gho_a", "").hasOAuthScopes());
    }

    @Test
    void toStringNamesNoToken() {
        assertFalse(GitHubAccess.of("gho_secret", "repo").toString().contains("secret"));
    }
}
