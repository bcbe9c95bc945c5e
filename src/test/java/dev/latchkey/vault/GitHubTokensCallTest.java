package dev.latchkey.vault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;
import dev.latchkey.github.GitHubRefusedException;

/**
 * A call to GitHub that met a token another request refreshed meanwhile is made once more with the new token, and
 * only then.
 */
class GitHubTokensCallTest {

    private final List<String> sent = new ArrayList<>();

    @Test
    void aTokenRefreshedMeanwhileIsUsedForOneMoreCall() {
        GitHubTokens tokens = storing("ghu_old", "ghu_new");

        String answer = tokens.callWith(7, access -> send(access, "ghu_old"));

        assertEquals("ok with ghu_new", answer);
        assertEquals(List.of("ghu_old", "ghu_new"), sent);
    }

    @Test
    void aRefusedTokenThatIsStillTheStoredOneIsNotSentAgain() {
        GitHubTokens tokens = storing("ghu_same", "ghu_same");

        GitHubRefusedException refused = assertThrows(GitHubRefusedException.class,
                () -> tokens.callWith(7, access -> send(access, "ghu_same")));

        assertEquals(401, refused.status());
        assertEquals(List.of("ghu_same"), sent);
    }

    @Test
    void otherRefusalsAreNotRetried() {
        GitHubTokens tokens = storing("ghu_old", "ghu_new");
        GitHubRefusedException forbidden = new GitHubRefusedException(403, "Forbidden");

        assertSame(forbidden, assertThrows(GitHubRefusedException.class, () -> tokens.callWith(7, access -> {
            sent.add(access.token());
            throw forbidden;
        })));
        assertEquals(List.of("ghu_old"), sent);
    }

    /** GitHub as it is after a refresh: the token {@code dead} answers 401, any other is accepted. */
    private String send(GitHubAccess access, String dead) {
        sent.add(access.token());
        if (access.token().equals(dead)) {
            throw new GitHubRefusedException(401, "Bad credentials");
        }
        return "ok with " + access.token();
    }

    /** Tokens whose store hands out these values, one per read. */
    private static GitHubTokens storing(String... values) {
        Deque<String> reads = new ArrayDeque<>(List.of(values));
        return new GitHubTokens() {
            @Override
            public GitHubAccess required(long userId) {
                return GitHubAccess.of(reads.pop(), "");
            }
        };
    }
}
