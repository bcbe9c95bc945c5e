package dev.latchkey.vault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.latchkey.caller.Caller;
import dev.latchkey.caller.NotWhileImpersonating;
import dev.latchkey.web.ApiException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class GitHubTokensTest {

    @Test
    void hostCodeRunningForAnImpersonatingAdminGetsNoTokenAndNothingIsRead() {
        GitHubTokens tokens = new GitHubTokens();
        tokens.caller = new Caller() {
            @Override
            public boolean impersonating() {
                return true;
            }
        };
        // No database: reading anything would fail with another exception than the refusal.
        for (Executable use : new Executable[] {() -> tokens.current(42), () -> tokens.required(42)}) {
            ApiException refused = assertThrows(ApiException.class, use);
            assertEquals(403, refused.status());
            assertEquals(NotWhileImpersonating.REFUSAL, refused.detail());
        }
    }
}
