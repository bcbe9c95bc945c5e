package dev.latchkey.github;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class GitHubGrantTest {

    private static final Instant ASKED = Instant.parse("2026-11-22T10:00:00Z");

    @Test
    void aGitHubAppAnswerGivesBothTokensAndTheirExpiriesFromWhenItWasAsked() {
        GitHubGrant grant = GitHubGrant.fromTokenAnswer(json("{\"access_token\":\"ghu_abc\",\"expires_in\":28800,"
                + "\"refresh_token\":\"ghr_def\",\"refresh_token_expires_in\":15811200,\"scope\":\"\","
                + "\"token_type\":\"bearer\"}"), ASKED);

        assertEquals("ghu_abc", grant.accessToken());
        assertEquals(Instant.parse("2026-11-22T18:00:00Z"), grant.expiresAt());
        assertEquals("ghr_def", grant.refreshToken());
        assertEquals(ASKED.plusSeconds(15_811_200), grant.refreshExpiresAt());
    }

    @Test
    void anOAuthAppAnswerGivesATokenThatNeverExpires() {
        GitHubGrant grant = GitHubGrant.fromTokenAnswer(
                json("{\"access_token\":\"gho_abc\",\"token_type\":\"bearer\",\"scope\":\"repo\"}"), ASKED);

        assertEquals(GitHubGrant.nonExpiring("gho_abc"), grant);
    }

    @Test
    void lifetimesSentAsStringsAreReadToo() {
        GitHubGrant grant = GitHubGrant.fromTokenAnswer(json("{\"access_token\":\"ghu_abc\",\"expires_in\":\"60\","
                + "\"refresh_token\":\"\",\"refresh_token_expires_in\":null}"), ASKED);

        assertEquals(ASKED.plusSeconds(60), grant.expiresAt());
        assertNull(grant.refreshToken(), "an empty refresh token is none");
        assertNull(grant.refreshExpiresAt());
    }

    @Test
    void aGarbledAnswerIsARefusalNotACrash() {
        for (String answer : new String[] {"{\"token_type\":\"bearer\"}", "{\"access_token\":\"\"}",
                "{\"access_token\":\"ghu_a\",\"expires_in\":\"soon\"}",
                "{\"access_token\":\"ghu_a\",\"expires_in\":-1}",
                "{\"access_token\":\"ghu_a\",\"expires_in\":1.5}",
                "{\"access_token\":\"ghu_a\",\"expires_in\":1e30}"}) {
            assertThrows(GitHubRefusedException.class, () -> GitHubGrant.fromTokenAnswer(json(answer), ASKED), answer);
        }
    }

    @Test
    void toStringNamesNoToken() {
        String text = new GitHubGrant("ghu_secret1", ASKED, "ghr_secret2", ASKED).toString();

        assertFalse(text.contains("secret"), text);
    }

    private static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }
}
