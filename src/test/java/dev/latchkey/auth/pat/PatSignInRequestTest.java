package dev.latchkey.auth.pat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class PatSignInRequestTest {

    @Test
    void takesTheTokenFieldThenThePatField() {
        assertEquals("ghp_a", new PatSignInRequest("ghp_a", null).presentedToken());
        assertEquals("ghp_b", new PatSignInRequest(null, "ghp_b").presentedToken());
        assertEquals("ghp_a", new PatSignInRequest("ghp_a", "ghp_b").presentedToken());
    }

    @Test
    void withNeitherFieldTellsWhatToSend() {
        for (PatSignInRequest request : new PatSignInRequest[] {
                new PatSignInRequest(null, null), new PatSignInRequest("", null), new PatSignInRequest(null, "")}) {
            PatSignInFailure failure = assertThrows(PatSignInFailure.class, request::presentedToken);
            assertEquals(400, failure.status());
            assertEquals("Missing token: send {\"token\": \"<your GitHub personal access token>\"}", failure.detail());
        }
    }

    @Test
    void neverPrintsTheToken() {
        assertFalse(new PatSignInRequest("ghp_secret", "ghp_other").toString().contains("secret"));
        assertFalse(new PatSignInRequest("ghp_secret", "ghp_other").toString().contains("other"));
    }
}
