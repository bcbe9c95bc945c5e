package dev.latchkey.auth.pat;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PatShapeTest {

    @Test
    void acceptsEachPrefixAPersonCanSignInWith() {
        for (String prefix : new String[] {"ghp_", "github_pat_", "gho_", "ghu_"}) {
            assertTrue(PatShape.accepts(prefix + "Abc123_xyz"), prefix);
        }
    }

    @Test
    void acceptsUpTo255CharactersAndNoMore() {
        assertTrue(PatShape.accepts("ghp_" + "a".repeat(251)));
        assertFalse(PatShape.accepts("ghp_" + "a".repeat(252)));
        assertFalse(PatShape.accepts("github_pat_" + "a".repeat(10_000)));
    }

    @Test
    void refusesAppTokensUnknownPrefixesAndBarePrefixes() {
        for (String token : new String[] {"ghs_abc123", "ghr_abc123", "gh_abc123", "GHP_abc123", "abc123", "ghp_",
                "github_pat_", "xghp_abc123", "github_abc123", ""}) {
            assertFalse(PatShape.accepts(token), token);
        }
        assertFalse(PatShape.accepts(null));
    }

    @Test
    void onlyOAuthAndGitHubAppUserTokensAreIssuedToAnApp() {
        assertTrue(PatShape.issuedToAnApp("gho_Abc123"));
        assertTrue(PatShape.issuedToAnApp("ghu_Abc123"));
        assertFalse(PatShape.issuedToAnApp("ghp_Abc123"));
        assertFalse(PatShape.issuedToAnApp("github_pat_Abc123"));
    }

    @Test
    void refusesAnyCharacterOutsideLettersDigitsAndUnderscore() {
        for (String token : new String[] {"ghp_abc def", " ghp_abc", "ghp_abc ", "ghp_abc\n", "ghp_abc\t1",
                "ghp_abc-def", "ghp_abc.def", "ghp_abc/def", "ghp_äbc", "ghp_abc\u0000", "ghp_abc=="}) {
            assertFalse(PatShape.accepts(token), token);
        }
    }
}
