package dev.latchkey.auth.github;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RedirectPathsTest {

    @ParameterizedTest
    @ValueSource(strings = {"/", "/dashboard", "/repos/octo/cat?tab=pulls#top", "/a/b/c.html", "/%2F%2Fstays-local"})
    void relativePathsOnTheFrontendAreKept(String path) {
        assertEquals(path, RedirectPaths.sanitize(path, "/fallback"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"//evil.example", "/\\evil.example", "\\\\evil.example", "https://evil.example",
        "javascript:alert(1)", "evil.example", "/\r\nSet-Cookie: x=1", "/\t/evil.example", "/ok\u0000", ""})
    void anythingElseFallsBack(String path) {
        assertEquals("/fallback", RedirectPaths.sanitize(path, "/fallback"));
    }

    @org.junit.jupiter.api.Test
    void nullAndOverlongPathsFallBack() {
        assertEquals("/fallback", RedirectPaths.sanitize(null, "/fallback"));
        assertEquals("/fallback", RedirectPaths.sanitize("/" + "a".repeat(RedirectPaths.MAX_LENGTH), "/fallback"));
    }
}
