package dev.latchkey.auth.github;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RedirectPathsTest {

    @ParameterizedTest
    @ValueSource(strings = {"/", "/dashboard", "/repos/octo/cat?tab=pulls#top", "/a/b/c.html", "/%2F%2Fstays-local",
        "/caf%C3%A9", "/a-b_c.d~e/!$&'()*+,;=:@?x=/?#/?", "/search?q=%25"})
    void cleanRelativePathsOnTheFrontendAreKeptAsTheyAre(String path) {
        assertEquals(path, RedirectPaths.sanitize(path, "/fallback"));
    }

    @ParameterizedTest
    @CsvSource(delimiterString = " => ", value = {
        "/a b => /a%20b",
        "/x{y} => /x%7By%7D",
        "/a\u00A0b => /a%C2%A0b",
        "/café?q=ü => /caf%C3%A9?q=%C3%BC",
        "/search?q=\"<script>\" => /search?q=%22%3Cscript%3E%22",
        "/a|b^c`d[e] => /a%7Cb%5Ec%60d%5Be%5D",
        "/page#one#two => /page#one%23two",
        "/\u2215\u2215evil.example => /%E2%88%95%E2%88%95evil.example",
        "/\uD83D\uDE00 => /%F0%9F%98%80"})
    void charactersAUrlCannotHoldAreEncodedSoTheRedirectCanBeBuilt(String requested, String clean) {
        assertEquals(clean, RedirectPaths.sanitize(requested, "/fallback"));
        assertEquals("https://app.example.com" + clean, URI.create("https://app.example.com" + clean).toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"//evil.example", "/\\evil.example", "\\\\evil.example", "https://evil.example",
        "javascript:alert(1)", "evil.example", "/\r\nSet-Cookie: x=1", "/\t/evil.example", "/ok\u0000", "",
        "/a%zz", "/a%", "/a%4", "/100%", "/a%\uFF14\uFF11", "/a\u0085b", "/a\u009Bb", "/\uD800", "/a\uDC00b"})
    void anythingElseFallsBack(String path) {
        assertEquals("/fallback", RedirectPaths.sanitize(path, "/fallback"));
    }

    @Test
    void nullAndOverlongPathsFallBackAlsoWhenEncodingMakesThemTooLong() {
        assertEquals("/fallback", RedirectPaths.sanitize(null, "/fallback"));
        assertEquals("/fallback", RedirectPaths.sanitize("/" + "a".repeat(RedirectPaths.MAX_LENGTH), "/fallback"));
        String fits = "/" + "a".repeat(RedirectPaths.MAX_LENGTH - 1);
        assertEquals(fits, RedirectPaths.sanitize(fits, "/fallback"));
        assertEquals("/fallback", RedirectPaths.sanitize("/" + " ".repeat(700), "/fallback"), "2,101 once encoded");
    }
}
